// Labelled inputs and the refusal list shared by the steps.
import { type ReactNode, useId, useState } from "react";
import { Refused } from "./api";
import { labelOf } from "./fields";

export function Text(props: { label: string; value: string; onChange: (value: string) => void; testId: string; hint?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input id={id} value={props.value} data-testid={props.testId} onChange={(e) => props.onChange(e.target.value)} />
      {props.hint && <small>{props.hint}</small>}
    </div>
  );
}

export function Choice(props: { label: string; value: string; options: Record<string, string>; onChange: (value: string) => void; testId: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} data-testid={props.testId} onChange={(e) => props.onChange(e.target.value)}>
        {Object.entries(props.options).map(([code, label]) => <option key={code} value={code}>{label}</option>)}
      </select>
    </div>
  );
}

/** A file chooser in the applicant's language: the browser's own button (its words follow the browser) stays hidden. */
export function FileField(props: { label: string; done: boolean; doneLabel?: string; onFile: (file: File) => void; testId: string }) {
  const id = useId();
  const [name, setName] = useState("");
  return (
    <div className="field file">
      <label htmlFor={id}>{props.label}</label>
      <span className="chooser">
        <label htmlFor={id} className="choose">选择文件</label>
        <span>{name || "未选择文件"}</span>
        <input id={id} type="file" accept=".jpg,.jpeg,image/jpeg" data-testid={props.testId} className="hidden-input"
               onChange={(e) => { const file = e.target.files?.[0]; if (file) { setName(file.name); props.onFile(file); } }} />
      </span>
      <span className={props.done ? "done" : "todo"}>{props.done ? props.doneLabel ?? "已上传" : "未上传"}</span>
    </div>
  );
}

/** A refusal as the applicant reads it: each field by its name with what is wrong. */
export function Problems({ error }: { error: unknown }) {
  if (!error) return null;
  const items: ReactNode[] = error instanceof Refused && Object.keys(error.fields).length > 0
    ? Object.entries(error.fields).flatMap(([path, messages]) => messages.map((m) => <li key={path + m}>{labelOf(path)}：{m}</li>))
    : [<li key="message">{error instanceof Error ? error.message : "请求未成功，请稍后重试"}</li>];
  return <div className="problems" role="alert" data-testid="problems"><ul>{items}</ul></div>;
}

/** Runs an action, keeping its refusal for display and the button disabled while it runs. */
export async function attempt(setBusy: (busy: boolean) => void, setError: (error: unknown) => void, action: () => Promise<void>) {
  setBusy(true);
  setError(null);
  try {
    await action();
  } catch (error) {
    setError(error);
  } finally {
    setBusy(false);
  }
}
