/** 適合のキャンセルと、保存後のバックアップ失敗を伝える日本語（issue 18）。画面向けのです・ます調。 */
import type { hardeningEn } from './hardening-en.js';

export const hardeningJa: { [K in keyof typeof hardeningEn]: string } = {
  cancelFit: '中止',
  fitCancelled: 'スケーリング則の当てはめを中止しました。',
  backupFailed: '保存しましたが、データベースのバックアップを作成できませんでした。{{takenAt}}のバックアップはそのまま残っています。（詳細：{{error}}）',
  noCurrentBackup:
    '保存しましたが、データベースに最新のバックアップがありません。バックアップの作成が{{count}}回続けて失敗しました。ディスクの空き容量を確保するか、データベースを安全な場所にコピーしてください。（直近の詳細：{{error}}）',
  noBackupAtAll: '保存しましたが、データベースのバックアップがありません。ディスクの空き容量を確保するか、データベースを安全な場所にコピーしてください。（詳細：{{error}}）',
};
