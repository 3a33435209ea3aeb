// 验证备案类型: the back office decides the filing type from the subject's certificate and the domain.
import { useState } from "react";
import { type Order, type Resolve, type Resolved, resolveType } from "../api";
import { Choice, Problems, Text, attempt } from "../Form";
import { certificateTypes, natures, provinces } from "../labels";

type Nature = NonNullable<Resolve["subjectNature"]>;
type CertificateType = NonNullable<Resolve["certificateType"]>;

export function Verify(props: { order: Order; onResolved: (order: Order, resolved: Resolved) => void }) {
  const [province, setProvince] = useState(props.order.subject?.province ?? "440000");
  const [nature, setNature] = useState<Nature>(props.order.subject?.nature ?? "enterprise");
  const [certificateType, setCertificateType] = useState<CertificateType>(props.order.subject?.certificateType ?? "uscc");
  const [certificateNumber, setCertificateNumber] = useState(props.order.subject?.certificateNumber ?? "");
  const [domain, setDomain] = useState(props.order.websites?.[0]?.domains?.[0] ?? "");
  const [resolved, setResolved] = useState<Resolved | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const verify = () => attempt(setBusy, setError, async () => {
    setResolved(null);
    setResolved(await resolveType({ province, subjectNature: nature, certificateType, certificateNumber, domain }));
  });

  const next = (r: Resolved) => props.onResolved({
    ...props.order,
    filingType: r.filingType,
    verificationMethod: "curtain-photo",
    subject: { ...props.order.subject, province, nature, certificateType, certificateNumber },
    websites: [{
      name: "", homepageUrls: [`www.${domain}`], serviceContent: "corporate-portal", preApprovals: [], languages: ["zh-Hans"],
      accessResource: { kind: "instance-ip", value: "" }, principal: null, remark: "", ...props.order.websites?.[0], domains: [domain],
    }],
  }, r);

  return (
    <section>
      <h2>验证备案类型</h2>
      <p className="intro">填写主体单位证件号码及域名，系统将根据备案信息自动判断备案类型。</p>
      <Choice label="主体单位区域" value={province} options={provinces} onChange={setProvince} testId="province" />
      <Choice label="主体单位性质" value={nature} options={natures} onChange={(v) => setNature(v as Nature)} testId="nature" />
      <Choice label="证件类型" value={certificateType} options={certificateTypes} onChange={(v) => setCertificateType(v as CertificateType)} testId="certificate-type" />
      <Text label="证件号码" value={certificateNumber} onChange={setCertificateNumber} testId="certificate-number" />
      <Text label="域名" value={domain} onChange={setDomain} testId="domain" hint="格式如 example.com，无需填写 www" />
      <Problems error={error} />
      <div className="actions">
        <button type="button" onClick={verify} disabled={busy} data-testid="verify">验证备案类型</button>
      </div>
      {resolved && (
        <div className="verdict" data-testid="verdict">
          <p>备案类型：<strong>{resolved.filingTypeLabel}</strong></p>
          <p>{resolved.reason}</p>
          {resolved.warnings.map((w) => <p key={w.code} className="warning">{w.message}</p>)}
          <button type="button" onClick={() => next(resolved)} data-testid="to-subject">下一步，填写主体信息</button>
        </div>
      )}
    </section>
  );
}
