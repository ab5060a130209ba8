// Types of scripts/pack-app.mjs for the tests that call it (the script itself is plain JavaScript).
/** Every file the packaged app holds, relative to the project root, sorted. */
export function appFiles(root: string): string[];
/** Packs the app into outDir (app.asar, app.asar.unpacked) and writes files.txt; returns the listing. */
export function packApp(root: string, outDir: string): Promise<string[]>;
