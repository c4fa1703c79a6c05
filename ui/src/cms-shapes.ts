// Stand-ins, until the branches that add them are merged, for the destination kinds whose JSON
// shapes issue 12 fixes (WordPress, Ghost). Each is removed when generated/contract.ts has the
// real one.
import type * as generated from "./generated/contract";

interface Connection { ca_file: string | null; connect_timeout_secs: number; read_timeout_secs: number }

export type Destination = { name: string } & (
  | { kind: "folder", path: string }
  | ({ kind: "http_push" } & generated.HttpPush)
  | ({ kind: "wordpress", site_url: string, user: string, application_password_set: boolean,
      publish: "draft" | "publish" } & Connection)
  | ({ kind: "ghost", site_url: string, admin_key_set: boolean, publish: "draft" | "publish" } & Connection)
);
