// Types for desk-rules.mjs, which stays plain JavaScript: the server runs its function's source.
export declare const DESK_RULES: { _id: string; language: string; validate_doc_update: string };
export declare function installDeskRules(databaseUrl: string, authorization: string): Promise<void>;
