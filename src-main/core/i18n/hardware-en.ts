/** English for the hardware check's machine role, GPU adapters and deployment evidence (issue 13). */
export const hardwareEn = {
  role: {
    label: 'This machine is',
    importLabel: 'The imported run was made on',
    development: 'a development machine',
    deployment: 'the deployment machine',
    asRecorded: 'as recorded in the file',
    note: {
      development: 'Run on a development machine: its figures describe that machine, not the deployment machine.',
      deployment: 'Run on the deployment machine.',
    },
  },
  adapter: {
    title: 'GPU adapters',
    enumerated: 'enumerated by the OS, not reported by ORT',
    software: 'software GPU — checks that the GPU path works, not a performance figure',
    notIdentified: 'not identified',
    type: { software: 'software GPU', integrated: 'integrated GPU', discrete: 'discrete GPU', virtual: 'virtual GPU', unknown: 'type unknown' },
    driver: 'driver {{driver}}',
  },
  evidence: {
    'software-adapter': 'Not a deployment figure: measured on a software GPU.',
    'development-machine': 'Not measured on the deployment machine.',
  },
} as const;
