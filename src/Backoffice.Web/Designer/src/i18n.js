import { lang } from './api.js';

// The designer's own labels; activity types, properties and statuses come labelled from the API.
const texts = {
  title: ['流程设计器', 'Workflow designer'],
  palette: ['活动', 'Activities'],
  paletteHint: ['拖到画布上，或点击后在画布上单击放置', 'Drag onto the canvas, or click it and then the canvas'],
  properties: ['属性', 'Properties'],
  nothingSelected: ['选择一个活动或连线以编辑', 'Select an activity or a connection to edit it'],
  id: ['编号', 'Id'], name: ['名称', 'Name'], type: ['类型', 'Type'],
  start: ['起始活动', 'Start activity'], setStart: ['设为起始活动', 'Make it the start'],
  outcomes: ['结果去向', 'Where each outcome goes'], notConnected: ['（未连接）', '(not connected)'],
  undo: ['撤销', 'Undo'], redo: ['重做', 'Redo'], copy: ['复制', 'Copy'], paste: ['粘贴', 'Paste'], remove: ['删除', 'Delete'],
  layout: ['自动布局', 'Auto-layout'], exportFile: ['导出', 'Export'], importFile: ['导入', 'Import'],
  publish: ['发布', 'Publish'], publishNote: ['发布说明', 'Publication note'], history: ['版本历史', 'Version history'],
  dryRun: ['试运行', 'Dry run'], saved: ['草稿已保存', 'Draft saved'], saving: ['正在保存…', 'Saving…'],
  unsaved: ['未保存', 'Not saved'], conflict: ['草稿已被他人修改', 'Draft changed by someone else'], valid: ['校验通过', 'Valid'], errors: ['个错误', 'errors'],
  editing: ['编辑', 'Editing'], draft: ['草稿', 'draft'], published: ['已发布', 'published'], retired: ['已停用', 'retired'],
  version: ['版本', 'Version'], waiting: ['等待中', 'waiting'], running: ['运行中订单', 'running orders'],
  close: ['关闭', 'Close'],
  compare: ['比较所选两个版本', 'Compare the two selected versions'], diffTitle: ['版本差异', 'Differences'],
  added: ['新增', 'added'], removed: ['删除', 'removed'], changed: ['修改', 'changed'],
  who: ['保存/发布人', 'Saved / published by'], when: ['时间', 'When'], note: ['说明', 'Note'],
  sample: ['示例订单', 'Sample order'], pickOrder: ['选择已有订单', 'Pick an existing order'], describe: ['描述一个订单', 'Describe an order'],
  unset: ['（不设置）', '(not set)'], startAt: ['开始时间', 'Start at'],
  answerHours: ['每个等待步骤的应答时长（工作小时）', 'Answer time of each waiting step (working hours)'],
  simulatedOutcomes: ['模拟结果（按到达顺序；最后一次的结果在之后重复）', 'Simulated outcomes (per visit; the last one repeats)'],
  visit: ['第{n}次', 'visit {n}'], laterVisit: ['添加再次到达时的结果', 'Add a later visit'], removeVisit: ['删除第{n}次', 'Remove visit {n}'],
  run: ['运行', 'Run'], path: ['路径', 'Path'], result: ['结果', 'Result'], due: ['时限', 'Due'], overdue: ['超时', 'overdue'],
  condition: ['条件', 'Condition'], addCondition: ['添加条件', 'Add a condition'], all: ['全部满足', 'all of'], any: ['任一满足', 'any of'],
  advanced: ['高级：直接编辑表达式', 'Advanced: edit the expression'], builder: ['条件构建器', 'Condition builder'],
  preview: ['预览', 'Preview'], placeholders: ['可用占位符', 'Placeholders'], definitionErrors: ['流程错误', 'Definition errors'],
  noErrors: ['没有错误', 'No errors'], connection: ['连线', 'Connection'], outcome: ['结果', 'Outcome'], target: ['目标', 'Target'],
  unknownReason: ['不在原因目录中', 'not in the catalogue'],
  waitingCounts: ['显示运行中订单的位置', 'Show where running orders wait'],
  waitingNone: ['版本 v{v} 没有运行中的订单', 'Version v{v} has no running orders'],
  waitingNote: ['版本 v{v} 有 {n} 个运行中订单，步骤上的数字是在该步骤等待的订单数', 'Version v{v} has {n} running orders; the figure on a step is how many wait there'], amount: ['数量', 'Amount'],
  'awaiting-approval': ['等待审批', 'awaiting approval'], rejected: ['已驳回', 'rejected'],
  publishTitle: ['申请发布', 'Request publication of'], impactTitle: ['对运行中订单的影响', 'Impact on running orders'],
  runningOnFrom: ['当前发布版本上运行中的订单', 'Orders running on the published version'],
  step: ['步骤', 'Step'], change: ['变更', 'Change'], waitingHere: ['在此等待的订单', 'Orders waiting here'], whatChanges: ['说明', 'What changes'],
  requestApproval: ['提交审批', 'Request approval'], submittedForApproval: ['已提交审批，等待另一位合规经理批准', 'submitted; awaiting approval by another compliance manager'],
  nothingToPublish: ['没有草稿可发布：请先修改流程', 'There is no draft to publish: change the definition first'],
  approvalTitle: ['发布审批', 'Publication approval'], requestedBy: ['申请人', 'requested by'], decisionNote: ['审批意见', 'Decision note'],
  approve: ['批准发布', 'Approve'], reject: ['驳回', 'Reject'], withdraw: ['撤回申请', 'Withdraw'], review: ['查看并审批', 'Review'],
  ownRequest: ['这是您提交的版本，须由另一位合规经理或管理员批准', 'You asked for this publication: another compliance manager or an admin approves it'],
  pendingApprovals: ['待审批', 'Awaiting approval'], noChanges: ['没有变更', 'No changes'],
  discardDraft: ['放弃草稿', 'Discard draft'], discardConfirm: ['放弃草稿并回到已发布版本？', 'Discard the draft and return to the published version?'],
  discarded: ['草稿已放弃，已回到发布版本', 'Draft discarded; back to the published version'],
  'stage-provider': ['接入商审核', 'Provider review'], 'stage-verification': ['核验与复审', 'Verification and second review'],
  'stage-bureau': ['管局', 'Bureau'], 'stage-follow-up': ['办结与后续', 'Completion and follow-up'],
  folded: ['已折叠', 'folded'], expandFollowUp: ['展开「办结与后续」', 'Expand “Completion and follow-up”'],
  collapseFollowUp: ['折叠「办结与后续」', 'Fold “Completion and follow-up”'],
  before: ['旧版本', 'Before:'], after: ['新版本', 'After:'], nothingPublished: ['尚无发布版本', 'Nothing published yet'],
  pickChange: ['点击一条变更，两侧图中将定位并突出该步骤', 'Click a change to find its step on both graphs'],
  overview: ['全图缩略', 'Overview of the graph'],
  placeHint: ['在画布上单击放置，Esc 取消', 'Click on the canvas to place it; Esc cancels'],
};

export const t = (key) => (texts[key] ? texts[key][lang === 'en' ? 1 : 0] : key);

export const unitLabels = {
  'working-days': ['工作日', 'working days'], 'working-hours': ['工作小时', 'working hours'],
  days: ['自然日', 'days'], hours: ['小时', 'hours'],
};
export const unitLabel = (unit) => unitLabels[unit]?.[lang === 'en' ? 1 : 0] ?? unit;

const chinaParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** A time as the staff app shows every time: China time, `2026-12-08 09:00`, whatever the browser's own zone and locale. */
export const chinaTime = (iso) => {
  if (!iso) return '';
  const p = Object.fromEntries(chinaParts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
};
