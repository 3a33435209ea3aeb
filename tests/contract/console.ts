// A console's calls, written only against the client types generated from the served OpenAPI document
// (generated/api.d.ts, by openapi-typescript): when the contract changes in a way that breaks clients,
// this no longer type-checks.
import type { components, paths } from "./generated/api";

type Order = components["schemas"]["FilingOrderRequest"];
type Created = paths["/api/filings"]["post"]["responses"][201]["content"]["application/json"];
type Filing = paths["/api/filings/{id}"]["get"]["responses"][200]["content"]["application/json"];
type Resolved = paths["/api/filing-types/resolve"]["post"]["responses"][200]["content"]["application/json"];
type Problem = components["schemas"]["HttpValidationProblemDetails"];
type Status = Filing["status"];

const order: Order = {
  verificationMethod: "curtain-photo",
  subject: {
    nature: "enterprise", province: "440000", name: "深圳某某科技有限公司",
    certificateType: "uscc", certificateNumber: "91440300708461136T",
    certificateAddress: "深圳市南山区科技园路1号", mailingAddress: "深圳市南山区科技园路1号A栋101室",
    investorOrAuthority: "深圳某某控股有限公司",
    principal: { name: "张三", certificateType: "resident-id", certificateNumber: "110101199003074514", mobile: "13800138000",
                 officePhone: "086-0755-12345678", email: "a@example.com" },
  },
  websites: [{ name: "某某科技官网", domains: ["example.com"], homepageUrls: ["www.example.com"], serviceContent: "corporate-portal",
               preApprovals: [], languages: ["zh-Hans"], accessResource: { kind: "instance-ip", value: "203.0.113.10" }, principal: null, remark: "" }],
};

const waitingForApplicant: Status[] = ["returned", "verification"];

export async function fileOrder(base: string, key: string): Promise<Created | Problem> {
  const resolveBody: paths["/api/filing-types/resolve"]["post"]["requestBody"] = {
    content: { "application/json": { province: "440000", subjectNature: "enterprise", certificateType: "uscc",
                                     certificateNumber: "91440300708461136T", domain: "example.com" } },
  };
  const headers = { Authorization: `Bearer ${key}`, "Content-Type": "application/json" };
  const resolved = await fetch(`${base}/api/filing-types/resolve`, { method: "POST", headers, body: JSON.stringify(resolveBody?.content["application/json"]) });
  const type: Resolved["filingType"] = ((await resolved.json()) as Resolved).filingType;
  const created = await fetch(`${base}/api/filings`, { method: "POST", headers, body: JSON.stringify({ ...order, filingType: type }) });
  if (created.status === 400) {
    const problem = (await created.json()) as Problem;
    const codes: Record<string, string[]> | undefined = problem.errorCodes ?? undefined;
    console.log(codes);
    return problem;
  }
  const answer = (await created.json()) as Created;
  const filing = (await (await fetch(`${base}/api/filings/${answer.id}`, { headers })).json()) as Filing;
  console.log(filing.orderNumber, waitingForApplicant.includes(filing.status));
  return answer;
}
