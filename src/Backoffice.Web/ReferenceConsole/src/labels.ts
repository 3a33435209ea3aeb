// The applicant's words for the contract's code sets. Each record is keyed by the enum of the generated client, so a
// code added to or removed from the contract fails the type check until it has its label here.
import type { MaterialKind, Principal, Subject } from "./api";

type Code<T> = Exclude<T, null | undefined>;

export const natures: Record<Code<Subject["nature"]>, string> = {
  enterprise: "企业", individual: "个人", government: "政府机关", institution: "事业单位",
  "social-organization": "社会团体", "private-non-enterprise": "民办非企业单位", foundation: "基金会", "law-firm": "律师执业机构",
};

export const certificateTypes: Record<Code<Subject["certificateType"]>, string> = {
  uscc: "统一社会信用代码", "resident-id": "居民身份证", passport: "护照",
  "hk-macao-permit": "港澳居民来往内地通行证", "taiwan-permit": "台湾居民来往大陆通行证",
};

export const personCertificateTypes: Record<Code<Principal["certificateType"]>, string> = {
  "resident-id": "居民身份证", passport: "护照", "hk-macao-permit": "港澳居民来往内地通行证", "taiwan-permit": "台湾居民来往大陆通行证",
};

export const materialKinds: Record<MaterialKind, string> = {
  "business-license": "营业执照", "id-card-front": "身份证人像面", "id-card-back": "身份证国徽面",
  "verification-form": "网站备案信息真实性核验单", "curtain-photo": "幕布照", "domain-certificate": "域名证书",
  "pre-approval": "前置审批文件", "authorization-letter": "授权书", "employment-proof": "在职证明",
};

export const serviceContents: Record<string, string> = {
  "corporate-portal": "单位门户", "comprehensive-portal": "综合门户", "personal-space": "个人空间", other: "其他",
};

export const provinces: Record<string, string> = {
  "110000": "北京", "120000": "天津", "130000": "河北", "140000": "山西", "150000": "内蒙古", "210000": "辽宁",
  "220000": "吉林", "230000": "黑龙江", "310000": "上海", "320000": "江苏", "330000": "浙江", "340000": "安徽",
  "350000": "福建", "360000": "江西", "370000": "山东", "410000": "河南", "420000": "湖北", "430000": "湖南",
  "440000": "广东", "450000": "广西", "460000": "海南", "500000": "重庆", "510000": "四川", "520000": "贵州",
  "530000": "云南", "540000": "西藏", "610000": "陕西", "620000": "甘肃", "630000": "青海", "640000": "宁夏", "650000": "新疆",
};

/** China time, as the applicant reads it: 2026-12-08 09:00. */
export function chinaTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const t = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}
