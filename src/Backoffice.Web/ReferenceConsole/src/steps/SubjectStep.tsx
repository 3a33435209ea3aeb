// 主体信息: the subject and its principal (负责人).
import { useState } from "react";
import type { Order, Principal, Resolved, Subject } from "../api";
import { Choice, Text } from "../Form";
import { certificateTypes, natures, personCertificateTypes, provinces } from "../labels";

type PersonType = NonNullable<Principal["certificateType"]>;

export function SubjectStep(props: { order: Order; resolved: Resolved | null; onBack: () => void; onDone: (order: Order) => void }) {
  const [subject, setSubject] = useState<Subject>(props.order.subject ?? {});
  const principal = subject.principal ?? {};
  const set = (change: Partial<Subject>) => setSubject({ ...subject, ...change });
  const setPrincipal = (change: Partial<Principal>) => set({ principal: { certificateType: "resident-id", ...principal, ...change } });

  return (
    <section>
      <h2>主体信息</h2>
      <dl className="facts">
        <dt>备案类型</dt><dd>{props.resolved?.filingTypeLabel}</dd>
        <dt>主体单位区域</dt><dd>{provinces[subject.province ?? ""]}</dd>
        <dt>主体单位性质</dt><dd>{subject.nature ? natures[subject.nature] : ""}</dd>
        <dt>证件类型</dt><dd>{subject.certificateType ? certificateTypes[subject.certificateType] : ""}</dd>
        <dt>证件号码</dt><dd>{subject.certificateNumber}</dd>
      </dl>
      <Text label="主办单位名称" value={subject.name ?? ""} onChange={(v) => set({ name: v })} testId="subject-name" />
      <Text label="证件住所" value={subject.certificateAddress ?? ""} onChange={(v) => set({ certificateAddress: v })} testId="certificate-address" />
      <Text label="通信地址" value={subject.mailingAddress ?? ""} onChange={(v) => set({ mailingAddress: v })} testId="mailing-address" hint="请详细到门牌号" />
      <Text label="投资人或主管单位" value={subject.investorOrAuthority ?? ""} onChange={(v) => set({ investorOrAuthority: v })} testId="investor" />
      <h3>主体负责人</h3>
      <Text label="姓名" value={principal.name ?? ""} onChange={(v) => setPrincipal({ name: v })} testId="principal-name" />
      <Choice label="证件类型" value={principal.certificateType ?? "resident-id"} options={personCertificateTypes}
              onChange={(v) => setPrincipal({ certificateType: v as PersonType })} testId="principal-certificate-type" />
      <Text label="证件号码" value={principal.certificateNumber ?? ""} onChange={(v) => setPrincipal({ certificateNumber: v })} testId="principal-certificate-number" />
      <Text label="手机号码" value={principal.mobile ?? ""} onChange={(v) => setPrincipal({ mobile: v })} testId="principal-mobile" />
      <Text label="办公电话" value={principal.officePhone ?? ""} onChange={(v) => setPrincipal({ officePhone: v })} testId="principal-office-phone" hint="如 086-0755-12345678" />
      <Text label="电子邮箱" value={principal.email ?? ""} onChange={(v) => setPrincipal({ email: v })} testId="principal-email" />
      <div className="actions">
        <button type="button" className="secondary" onClick={props.onBack}>上一步</button>
        <button type="button" onClick={() => props.onDone({ ...props.order, subject: { ...subject, principal: { certificateType: "resident-id", ...principal } } })} data-testid="to-website">
          下一步，填写网站信息
        </button>
      </div>
    </section>
  );
}
