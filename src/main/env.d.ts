// electron-vite builds the main process with Vite, which replaces
// import.meta.env.DEV at build time: true in `electron-vite dev`, false in every
// production build. (Declared as vite/types/importMeta.d.ts does, so the two merge.)
interface ImportMetaEnv {
  DEV: boolean;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
