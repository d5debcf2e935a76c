export async function loadDemo(_ctx: unknown): Promise<string> { throw new Error("demo not built yet"); }
