// pdfjs-dist ships no types for its worker module; the loader imports it only for its effect
// (it registers globalThis.pdfjsWorker, which pdfjs's in-thread "fake worker" uses).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown
}
