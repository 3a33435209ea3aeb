// The applicant's way through a filing, as the provider's console walks it: 验证备案类型 → 主体信息 → 网站信息 →
// 上传资料 → 提交 → 进度. The order's id stays in the address (#order=…), so a reload comes back to its progress.
import { useState } from "react";
import type { Order, Resolved } from "./api";
import { Verify } from "./steps/Verify";
import { SubjectStep } from "./steps/SubjectStep";
import { WebsiteStep } from "./steps/WebsiteStep";
import { Upload } from "./steps/Upload";
import { Submit } from "./steps/Submit";
import { Progress } from "./steps/Progress";
import { keep } from "./kept";

const steps = ["验证备案类型", "主体信息", "网站信息", "上传资料", "提交", "进度"] as const;

function orderInAddress(): string | null {
  return /^#order=([0-9a-f-]{36})$/.exec(window.location.hash)?.[1] ?? null;
}

export function App() {
  const [step, setStep] = useState(orderInAddress() ? 5 : 0);
  const [order, setOrder] = useState<Order>({});
  const [resolved, setResolved] = useState<Resolved | null>(null);
  const [id, setId] = useState<string | null>(orderInAddress());

  const created = (newId: string) => {
    setId(newId);
    window.history.replaceState(null, "", `#order=${newId}`);
    setStep(3);
  };

  return (
    <div className="console">
      <header>
        <h1>ICP 备案</h1>
        <p>示例控制台（测试环境）</p>
      </header>
      <ol className="steps" aria-label="备案步骤">
        {steps.map((name, i) => (
          <li key={name} className={i === step ? "current" : i < step ? "passed" : ""} aria-current={i === step ? "step" : undefined}>
            <span>{i + 1}</span>{name}
          </li>
        ))}
      </ol>
      <main>
        {step === 0 && <Verify order={order} onResolved={(o, r) => { setOrder(o); setResolved(r); setStep(1); }} />}
        {step === 1 && <SubjectStep order={order} resolved={resolved} onBack={() => setStep(0)} onDone={(o) => { setOrder(o); setStep(2); }} />}
        {step === 2 && <WebsiteStep order={order} onBack={() => setStep(1)} onCreated={(o, newId) => { setOrder(o); keep(newId, o); created(newId); }} />}
        {step === 3 && id && <Upload id={id} order={order} onDone={() => setStep(4)} />}
        {step === 4 && id && <Submit id={id} onSubmitted={() => setStep(5)} />}
        {step === 5 && id && <Progress id={id} />}
      </main>
    </div>
  );
}
