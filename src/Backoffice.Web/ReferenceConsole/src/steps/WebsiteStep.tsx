// 网站信息: the website to file; leaving this step creates the order (a draft) in the back office.
import { useState } from "react";
import { type Order, type Website, createOrder } from "../api";
import { Choice, Problems, Text, attempt } from "../Form";
import { serviceContents } from "../labels";

export function WebsiteStep(props: { order: Order; onBack: () => void; onCreated: (order: Order, id: string) => void }) {
  const [website, setWebsite] = useState<Website>(props.order.websites?.[0] ?? {});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (change: Partial<Website>) => setWebsite({ ...website, ...change });
  const order: Order = { ...props.order, websites: [website] };

  const create = () => attempt(setBusy, setError, async () => props.onCreated(order, await createOrder(order)));

  return (
    <section>
      <h2>网站信息</h2>
      <Text label="网站名称" value={website.name ?? ""} onChange={(v) => set({ name: v })} testId="website-name" hint="不得使用域名、纯数字或英文作为网站名称" />
      <Text label="网站域名" value={(website.domains ?? []).join(", ")} onChange={(v) => set({ domains: v.split(/[,，]\s*/).filter((d) => d) })} testId="website-domains" />
      <Text label="网站首页地址" value={(website.homepageUrls ?? []).join(", ")} onChange={(v) => set({ homepageUrls: v.split(/[,，]\s*/).filter((d) => d) })} testId="homepage" />
      <Choice label="服务内容" value={website.serviceContent ?? "corporate-portal"} options={serviceContents} onChange={(v) => set({ serviceContent: v })} testId="service-content" />
      <Text label="云服务器公网 IP" value={website.accessResource?.value ?? ""} onChange={(v) => set({ accessResource: { kind: "instance-ip", value: v } })} testId="instance-ip" />
      <Problems error={error} />
      <div className="actions">
        <button type="button" className="secondary" onClick={props.onBack}>上一步</button>
        <button type="button" onClick={create} disabled={busy} data-testid="create">下一步，上传资料</button>
      </div>
    </section>
  );
}
