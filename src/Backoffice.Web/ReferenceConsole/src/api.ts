// The console's only way to the back office: openapi-fetch over the types openapi-typescript generates from the
// served OpenAPI document (generated/api.d.ts). Every path, body and answer below is checked against that document.
import createClient from "openapi-fetch";
import type { components, paths } from "../generated/api";

export type Order = components["schemas"]["FilingOrderRequest"];
export type Subject = components["schemas"]["SubjectInfo"];
export type Principal = components["schemas"]["PrincipalInfo"];
export type Website = components["schemas"]["WebsiteInfo"];
export type Filing = components["schemas"]["FilingDetail"];
export type Status = Filing["status"];
export type FilingType = components["schemas"]["Created"]["filingType"];
export type Resolve = paths["/api/filing-types/resolve"]["post"]["requestBody"]["content"]["application/json"];
export type Resolved = paths["/api/filing-types/resolve"]["post"]["responses"][200]["content"]["application/json"];
export type MaterialForm = paths["/api/filings/{id}/materials"]["post"]["requestBody"]["content"]["multipart/form-data"];
export type MaterialKind = MaterialForm["kind"];
export type ReturnEntry = Filing["returns"][number];
type Validation = components["schemas"]["HttpValidationProblemDetails"];
type Problem = components["schemas"]["ProblemDetails"];

/** The console key, written into the page by the back office in test mode only (docs/CONSOLE.md). */
const key = document.querySelector<HTMLMetaElement>('meta[name="console-key"]')?.content ?? "";

const client = createClient<paths>({ baseUrl: window.location.origin, headers: { Authorization: `Bearer ${key}` } });

/** What went wrong, in the applicant's words: the messages by field, or the problem's detail. */
export class Refused extends Error {
  constructor(readonly fields: Record<string, string[]>, message: string) {
    super(message);
  }
}

function refused(error: Validation | Problem | undefined): Refused {
  const fields = error && "errors" in error && error.errors ? error.errors : {};
  const first = Object.values(fields).flat()[0];
  return new Refused(fields, error?.detail ?? first ?? error?.title ?? "请求未成功，请稍后重试");
}

/**
 * A fresh Idempotency-Key per action: a retried request is answered once, never done twice. Random bytes rather than
 * crypto.randomUUID, which browsers offer only on https or loopback addresses.
 */
const once = () => {
  const key = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
  return { header: { "Idempotency-Key": key } };
};

export async function resolveType(body: Resolve): Promise<Resolved> {
  const { data, error } = await client.POST("/api/filing-types/resolve", { body, params: once() });
  if (!data) throw refused(error);
  return data;
}

export async function createOrder(order: Order): Promise<string> {
  const { data, error } = await client.POST("/api/filings", { body: order, params: once() });
  if (!data) throw refused(error);
  return data.id;
}

export async function updateOrder(id: string, order: Order): Promise<void> {
  const { data, error } = await client.PUT("/api/filings/{id}", { body: order, params: { path: { id }, ...once() } });
  if (!data) throw refused(error);
}

export async function uploadMaterial(id: string, kind: MaterialKind, file: File, website?: number): Promise<void> {
  const fields: Omit<MaterialForm, "file"> = { kind, website: website ?? null };
  const { data, error } = await client.POST("/api/filings/{id}/materials", {
    params: { path: { id }, ...once() },
    body: { ...fields, file: file.name },
    bodySerializer: () => {
      const form = new FormData();
      form.append("kind", fields.kind);
      if (fields.website !== undefined && fields.website !== null) form.append("website", String(fields.website));
      form.append("file", file);
      return form;
    },
  });
  if (!data) throw refused(error);
}

export async function submitOrder(id: string): Promise<void> {
  const { data, error } = await client.POST("/api/filings/{id}/submit", { params: { path: { id }, ...once() } });
  if (!data) throw refused(error);
}

export async function readOrder(id: string): Promise<Filing> {
  const { data, error } = await client.GET("/api/filings/{id}", { params: { path: { id } } });
  if (!data) throw refused(error);
  return data;
}

export async function reasonLabels(): Promise<Map<string, string>> {
  const { data } = await client.GET("/api/reason-codes");
  return new Map((data ?? []).map((r) => [r.code ?? "", r.label ?? ""]));
}
