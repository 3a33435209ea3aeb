// 幕布照: the principal photographed before the provider's curtain; uploading it and submitting resumes verification.
import { useState } from "react";
import { submitOrder, uploadMaterial } from "../api";
import { FileField, Problems, attempt } from "../Form";

export function CurtainPhoto(props: { id: string; onSubmitted: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const send = () => attempt(setBusy, setError, async () => {
    await uploadMaterial(props.id, "curtain-photo", file!);
    await submitOrder(props.id);
    props.onSubmitted();
  });

  return (
    <div className="task" data-testid="curtain">
      <h3>上传幕布照</h3>
      <p>请负责人本人站在接入商提供的幕布前拍摄半身照，照片需清晰显示面部与幕布。</p>
      <FileField doneLabel="已选择" label="幕布照" done={file !== null} onFile={setFile} testId="material-curtain-photo" />
      <Problems error={error} />
      <div className="actions">
        <button type="button" onClick={send} disabled={busy || !file} data-testid="send-curtain">提交幕布照</button>
      </div>
    </div>
  );
}
