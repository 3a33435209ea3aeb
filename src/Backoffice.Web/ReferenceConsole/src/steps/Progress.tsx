// 进度: where the order is, read again every few seconds; what the applicant must do when it waits for them
// (a return to answer field by field, the curtain photo to upload), and the filing numbers once approved.
import { useEffect, useState } from "react";
import { type Filing, type Status, readOrder, reasonLabels } from "../api";
import { Problems } from "../Form";
import { chinaTime } from "../labels";
import { AnswerReturn } from "./AnswerReturn";
import { CurtainPhoto } from "./CurtainPhoto";

const next: Record<Status, string> = {
  draft: "订单尚未提交。", submitted: "已提交，等待接入商受理。", "initial-review": "接入商正在初审您的备案信息（1-2 个工作日）。",
  returned: "备案信息需要修改，请按下列意见逐项修改后重新提交。", verification: "请上传幕布照，接入商将核验您的身份。",
  "second-review": "接入商正在复审您的备案信息及资料。", "at-bureau": "已提交至管局。",
  "sms-verification": "请在 24 小时内完成工信部下发的短信核验。", "bureau-review": "管局审核中（一般 1-20 个工作日）。",
  approved: "备案已通过，请在网站首页底部中央放置备案号并链接至工信部网站。", "bureau-rejected": "管局退回了备案，请修改后重新提交。",
  withdrawn: "备案已撤回。", expired: "备案已过期失效。",
};

export function Progress(props: { id: string }) {
  const [filing, setFiling] = useState<Filing | null>(null);
  const [reasons, setReasons] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);

  useEffect(() => { reasonLabels().then(setReasons, setError); }, []);
  useEffect(() => {
    let live = true;
    const read = () => readOrder(props.id).then((f) => { if (live) { setFiling(f); setError(null); } }, (e) => { if (live) setError(e); });
    read();
    const timer = window.setInterval(read, 2000);
    return () => { live = false; window.clearInterval(timer); };
  }, [props.id, round]);

  if (!filing) return <section><h2>备案进度</h2><Problems error={error} /></section>;
  const hasCurtainPhoto = filing.materials.some((m) => m.kind === "curtain-photo");
  const latestReturn = filing.returns[filing.returns.length - 1];
  const refresh = () => setRound((r) => r + 1);
  return (
    <section>
      <h2>备案进度</h2>
      <div className="status" data-testid="status" data-status={filing.status}>
        <p className="order-number">订单号 {filing.orderNumber}</p>
        <p className="label">{filing.statusLabel}</p>
        <p>{next[filing.status]}</p>
      </div>
      <Problems error={error} />
      {filing.status === "returned" && latestReturn && (
        <AnswerReturn key={latestReturn.number} filing={filing} entry={latestReturn} reasons={reasons} onResubmitted={refresh} />
      )}
      {filing.status === "verification" && !hasCurtainPhoto && <CurtainPhoto id={filing.id} onSubmitted={refresh} />}
      {filing.status === "approved" && (
        <dl className="facts" data-testid="filing-numbers">
          <dt>主体备案号</dt><dd>{filing.subjectFilingNumber}</dd>
          <dt>网站备案号</dt><dd>{filing.websiteFilingNumbers.join("、")}</dd>
        </dl>
      )}
      <h3>办理记录</h3>
      <ol className="timeline" data-testid="timeline">
        {filing.timeline.filter((t) => t.statusLabel).filter((t, i, shown) => i === 0 || t.status !== shown[i - 1].status)
          .map((t, i) => <li key={i}><time>{chinaTime(t.at)}</time>{t.statusLabel}</li>)}
      </ol>
    </section>
  );
}
