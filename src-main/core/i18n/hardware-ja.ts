/** ハードウェア診断のマシンの役割、GPUアダプター、本番機での実測かどうか（issue 13）の日本語。 */
import type { hardwareEn } from './hardware-en.js';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };

export const hardwareJa: Texts<typeof hardwareEn> = {
  role: {
    label: 'この機器は',
    importLabel: '読み込む診断を実行した機器',
    development: '開発用PC',
    deployment: '本番機',
    asRecorded: 'ファイルの記録どおり',
    note: {
      development: '開発用PCでの診断です。数値はその機器での値で、本番機での値ではありません。',
      deployment: '本番機での診断です。',
    },
  },
  adapter: {
    title: 'GPUアダプター',
    enumerated: 'OSが認識しているGPUで、ONNX Runtimeが報告したものではありません',
    software: 'ソフトウェアGPU：GPUでの処理が動くことの確認であり、性能値ではありません',
    notIdentified: '特定できませんでした',
    type: { software: 'ソフトウェアGPU', integrated: '内蔵GPU', discrete: '単体GPU', virtual: '仮想GPU', unknown: '種類不明' },
    driver: 'ドライバー{{driver}}',
  },
  evidence: {
    'software-adapter': '本番機の数値ではありません：ソフトウェアGPUでの測定です。',
    'development-machine': '本番機での実測ではありません。',
  },
};
