// The fields and materials a return points at (`items[].path`: subject.mailingAddress, websites[0].domains,
// materials.business-license, websites[0].materials.verification-form), read and written on the order's body.
import type { MaterialKind, Order } from "./api";
import { materialKinds } from "./labels";

const fieldLabels: Record<string, string> = {
  province: "主体单位区域", subjectNature: "主体单位性质", certificateType: "证件类型", certificateNumber: "证件号码", domain: "域名",
  "subject.name": "主办单位名称", "subject.certificateNumber": "主办单位证件号码", "subject.certificateAddress": "证件住所",
  "subject.mailingAddress": "通信地址", "subject.investorOrAuthority": "投资人或主管单位", "subject.addressRemark": "地址备注",
  "subject.remark": "主体备注", "principal.name": "负责人姓名", "principal.certificateNumber": "负责人证件号码",
  "principal.mobile": "负责人手机号码", "principal.officePhone": "负责人办公电话", "principal.email": "负责人电子邮箱",
  "website.name": "网站名称", "website.domains": "网站域名", "website.homepageUrls": "网站首页地址",
  "website.serviceContent": "服务内容", "website.accessResource.value": "接入资源", "website.remark": "网站备注",
};

export type Target = { kind: "field"; path: string } | { kind: "material"; material: MaterialKind; website?: number };

const websitePattern = /^websites\[(\d+)\]\.(.+)$/;

export function targetOf(path: string): Target {
  const material = /^(?:websites\[(\d+)\]\.)?materials\.([a-z-]+)$/.exec(path);
  if (material) {
    return { kind: "material", material: material[2] as MaterialKind, website: material[1] === undefined ? undefined : Number(material[1]) };
  }
  return { kind: "field", path };
}

export function labelOf(path: string): string {
  const target = targetOf(path);
  if (target.kind === "material") {
    const name = materialKinds[target.material] ?? "资料";
    return target.website === undefined ? name : `网站 ${target.website + 1} 的${name}`;
  }
  const website = websitePattern.exec(path);
  const key = (website ? `website.${website[2]}` : path).replace(/^subject\.principal\./, "principal.").replace(/^website\.principal\./, "principal.");
  const label = fieldLabels[key] ?? "订单信息";
  return website ? `网站 ${Number(website[1]) + 1} 的${label}` : label;
}

/** The dotted path's steps, with indexes: websites[0].domains → ["websites", 0, "domains"]. */
function steps(path: string): (string | number)[] {
  return path.split(".").flatMap((part) => {
    const indexed = /^(\w+)\[(\d+)\]$/.exec(part);
    return indexed ? [indexed[1], Number(indexed[2])] : [part];
  });
}

type Node = Record<string | number, unknown>;

export function valueAt(order: Order, path: string): string {
  let node: unknown = order;
  for (const step of steps(path)) node = node && typeof node === "object" ? (node as Node)[step] : undefined;
  return Array.isArray(node) ? node.join(", ") : node === null || node === undefined ? "" : String(node);
}

/** A copy of the order with the field at `path` set; list fields (domains, homepage addresses) split at commas. */
export function withValue(order: Order, path: string, value: string): Order {
  const copy = structuredClone(order) as Node;
  const all = steps(path);
  let node = copy;
  for (const step of all.slice(0, -1)) {
    if (node[step] === null || node[step] === undefined) node[step] = {};
    node = node[step] as Node;
  }
  const last = all[all.length - 1];
  node[last] = Array.isArray(node[last]) ? value.split(/[,，]\s*/).map((v) => v.trim()).filter((v) => v.length > 0) : value;
  return copy as Order;
}
