/** 適合のキャンセルと、保存後のバックアップ失敗を伝える日本語（issue 18）。画面向けのです・ます調。 */
import type { hardeningEn } from './hardening-en.js';

export const hardeningJa: { [K in keyof typeof hardeningEn]: string } = {
  cancelFit: 'キャンセル',
  fitCancelled: '適合をキャンセルしました。',
  backupFailed: '保存しました。データベースのバックアップに失敗しました（{{error}}）。{{takenAt}}のバックアップはそのまま残っています。',
  noCurrentBackup:
    '保存しましたが、データベースに最新のバックアップがありません。バックアップが{{count}}回続けて失敗しました（直近：{{error}}）。ディスクの空きを確保するか、データベースを安全な場所にコピーしてください。',
  noBackupAtAll: '保存しましたが、データベースのバックアップがありません（{{error}}）。ディスクの空きを確保するか、データベースを安全な場所にコピーしてください。',
};
