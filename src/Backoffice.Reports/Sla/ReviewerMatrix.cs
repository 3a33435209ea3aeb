using Backoffice.Reports.Statistics;
using Backoffice.Reports.Workbooks;

namespace Backoffice.Reports.Sla;

/// <summary>
/// Per reviewer (display name) a row with the review stages across: for each stage the tasks they completed
/// in the period (started in it), those completed within the deadline, the returns they gave (completed with
/// the outcome 退回) and their median time in the stage's unit. Reviewers who completed nothing are left out.
/// </summary>
internal sealed class ReviewerMatrix
{
    private readonly Dictionary<(string Reviewer, Stage Stage), int> _returns = [];

    public void AddReturn(string reviewer, Stage stage) => _returns[(reviewer, stage)] = _returns.GetValueOrDefault((reviewer, stage)) + 1;

    /// <param name="byReviewer">The durations of 按审核人 (per reviewer's user name and stage), which this sheet lays out across.</param>
    public void AddSheet(ReportWorkbook workbook, ReportParameters p, Names names, IReadOnlyDictionary<(string Reviewer, Stage Stage), Durations> byReviewer)
    {
        var stages = byReviewer.Keys.Select(k => k.Stage).Distinct().OrderBy(s => s.Order).ToList();
        var reviewers = byReviewer.Where(x => x.Value.Count > 0).Select(x => x.Key.Reviewer).Distinct()
            .OrderBy(r => names.User(r), StringComparer.Ordinal).ThenBy(r => r, StringComparer.Ordinal);
        var columns = new List<Column> { new(p.T("审核人", "Reviewer")) };
        foreach (var stage in stages)
        {
            var name = stage.Name(p, names);
            columns.Add(new Column(p.T($"{name} 完成", $"{name} done"), ColumnKind.Integer));
            columns.Add(new Column(p.T($"{name} 按时", $"{name} on time"), ColumnKind.Integer));
            columns.Add(new Column(p.T($"{name} 退回", $"{name} returns"), ColumnKind.Integer));
            columns.Add(new Column(p.T($"{name} 中位数（{stage.UnitName(p)}）", $"{name} median ({stage.UnitName(p)})"), ColumnKind.Decimal));
        }

        var rows = reviewers.Select(reviewer => (object?[])
        [
            names.User(reviewer),
            .. stages.SelectMany(stage => byReviewer.TryGetValue((reviewer, stage), out var d)
                ? new object?[] { d.Count, d.WithinSla, _returns.GetValueOrDefault((reviewer, stage)), d.Median }
                : [0, 0, 0, null]),
        ]);
        object?[] totals =
        [
            p.T("合计", "Total"),
            .. stages.SelectMany(stage => new object?[]
            {
                byReviewer.Where(x => x.Key.Stage == stage).Sum(x => x.Value.Count),
                byReviewer.Where(x => x.Key.Stage == stage).Sum(x => x.Value.WithinSla),
                _returns.Where(x => x.Key.Stage == stage).Sum(x => x.Value),
                null,
            }),
        ];
        workbook.AddTable(p.T("审核人矩阵", "Reviewer matrix"), columns, rows, totals);
    }
}
