// btalk-forms/jsx and btalk-forms/vue are typings. A .tsx or .vue file's `import 'btalk-forms/jsx'` stays a
// run-time import once compiled (Vite, esbuild, tsc): this empty module is what it loads.
export {};
