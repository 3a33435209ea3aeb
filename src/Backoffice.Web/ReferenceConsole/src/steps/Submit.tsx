// 提交: the order as the back office holds it, then the submission for the provider's first review (初审).
import { useEffect, useState } from "react";
import { type Filing, readOrder, submitOrder } from "../api";
import { Problems, attempt } from "../Form";
import { materialKinds, natures, provinces } from "../labels";

export function Submit(props: { id: string; onSubmitted: () => void }) {
  const [filing, setFiling] = useState<Filing | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => { readOrder(props.id).then(setFiling, setError); }, [props.id]);

  const submit = () => attempt(setBusy, setError, async () => {
    await submitOrder(props.id);
    props.onSubmitted();
  });

  const subject = filing?.subject;
  const website = filing?.websites?.[0];
  return (
    <section>
      <h2>确认并提交</h2>
      {filing && (
        <dl className="facts" data-testid="summary">
          <dt>订单号</dt><dd>{filing.orderNumber}</dd>
          <dt>主办单位</dt><dd>{subject?.name}（{subject?.nature ? natures[subject.nature] : ""}，{provinces[filing.province]}）</dd>
          <dt>负责人</dt><dd>{subject?.principal?.name}</dd>
          <dt>网站</dt><dd>{website?.name}（{(website?.domains ?? []).join("、")}）</dd>
          <dt>已上传资料</dt><dd>{filing.materials.map((m) => (m.kind ? materialKinds[m.kind] : "")).join("、")}</dd>
        </dl>
      )}
      <Problems error={error} />
      <div className="actions">
        <button type="button" onClick={submit} disabled={busy || !filing} data-testid="submit">提交初审</button>
      </div>
    </section>
  );
}
