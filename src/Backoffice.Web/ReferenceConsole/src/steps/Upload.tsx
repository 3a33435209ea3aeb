// 上传资料: colour photos or scans of the originals; each file is uploaded as soon as it is chosen.
import { useState } from "react";
import { type MaterialKind, type Order, uploadMaterial } from "../api";
import { FileField, Problems, attempt } from "../Form";
import { materialKinds } from "../labels";

type Needed = { kind: MaterialKind; website?: number };

export function Upload(props: { id: string; order: Order; onDone: () => void }) {
  const needed: Needed[] = [
    ...(props.order.subject?.nature === "individual" ? [] : [{ kind: "business-license" as const }]),
    { kind: "id-card-front" }, { kind: "id-card-back" }, { kind: "verification-form", website: 0 },
  ];
  const [done, setDone] = useState<Set<MaterialKind>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const upload = (n: Needed, file: File) => attempt(setBusy, setError, async () => {
    await uploadMaterial(props.id, n.kind, file, n.website);
    setDone((d) => new Set(d).add(n.kind));
  });

  return (
    <section>
      <h2>上传资料</h2>
      <p className="intro">请上传证件原件的彩色照片或扫描件（JPG 格式）。</p>
      {needed.map((n) => (
        <FileField key={n.kind} label={materialKinds[n.kind]} done={done.has(n.kind)} onFile={(f) => upload(n, f)} testId={`material-${n.kind}`} />
      ))}
      <Problems error={error} />
      <div className="actions">
        <button type="button" onClick={props.onDone} disabled={busy || done.size < needed.length} data-testid="to-submit">下一步，确认并提交</button>
      </div>
    </section>
  );
}
