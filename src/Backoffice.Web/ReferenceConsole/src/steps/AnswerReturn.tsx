// A return answered field by field: each field or material the reviewer pointed at, with the reason, beside its
// current value and the applicant's correction; then the order is replaced, the new files uploaded and resubmitted.
import { useState } from "react";
import { type Filing, type Order, type ReturnEntry, submitOrder, updateOrder, uploadMaterial } from "../api";
import { FileField, Problems, Text, attempt } from "../Form";
import { labelOf, targetOf, valueAt, withValue } from "../fields";
import { keep, kept } from "../kept";

/** The applicant's copy of the order, else the order as read (its ID numbers and phones masked). */
function bodyOf(filing: Filing): Order {
  return kept(filing.id) ?? { filingType: filing.filingType, verificationMethod: filing.verificationMethod, subject: filing.subject, websites: filing.websites };
}

export function AnswerReturn(props: { filing: Filing; entry: ReturnEntry; reasons: Map<string, string>; onResubmitted: () => void }) {
  const original = bodyOf(props.filing);
  const [order, setOrder] = useState<Order>(original);
  const [files, setFiles] = useState<Map<string, File>>(new Map());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { entry } = props;

  const resubmit = () => attempt(setBusy, setError, async () => {
    if (JSON.stringify(order) !== JSON.stringify(original)) {
      await updateOrder(props.filing.id, order);
      keep(props.filing.id, order);
    }
    for (const [path, file] of files) {
      const target = targetOf(path);
      if (target.kind === "material") await uploadMaterial(props.filing.id, target.material, file, target.website);
    }
    await submitOrder(props.filing.id);
    props.onResubmitted();
  });

  return (
    <div className="task" data-testid="return">
      <h3>第 {entry.number} 次退回</h3>
      <p>退回原因：{entry.reasonCodes.map((c) => props.reasons.get(c) ?? "其他原因").join("；")}</p>
      {entry.comment && <p>审核意见：{entry.comment}</p>}
      <ol className="items">
        {entry.items.map((item, i) => {
          const target = targetOf(item.path);
          return (
            <li key={item.path} data-testid={`return-item-${i}`}>
              <p className="item-title"><strong>{labelOf(item.path)}</strong>：{item.reason}</p>
              {target.kind === "field" ? (
                <>
                  <p className="was">原填写：{valueAt(original, item.path)}</p>
                  <Text label={`修改${labelOf(item.path)}`} value={valueAt(order, item.path)} onChange={(v) => setOrder(withValue(order, item.path, v))} testId={`answer-${i}`} />
                </>
              ) : (
                <FileField doneLabel="已选择" label={`重新上传${labelOf(item.path)}`} done={files.has(item.path)} onFile={(f) => setFiles(new Map(files).set(item.path, f))} testId={`answer-${i}`} />
              )}
            </li>
          );
        })}
      </ol>
      <Problems error={error} />
      <div className="actions">
        <button type="button" onClick={resubmit} disabled={busy} data-testid="resubmit">修改完成，重新提交</button>
      </div>
    </div>
  );
}
