using Backoffice.Reports.Statistics;
using Backoffice.Reports.Workbooks;
using Backoffice.Workflows.Scheduling;
using Dapper;
using Npgsql;

namespace Backoffice.Reports.Bureau;

/// <summary>
/// Bureau results of the submissions made in the period, per province: each submission's result is
/// the first applied bureau result after it (approved, rejected, or the SMS verification expiring,
/// which the bureau treats as a return) and before the order's next submission. Review time runs from
/// the SMS verification (or the submission, for types without one) to the result, in working days,
/// against the 20-working-day limit. The submissions of the periods the cover compares are read in the same query.
/// </summary>
public sealed class BureauResultsReport : Report
{
    public const string SmsExpired = "sms-expired";
    private const int LimitWorkingDays = 20;

    /// <summary>The submissions made in the period (@start to @end), filters applied: the dashboard reads them too.</summary>
    internal static readonly string Attempts = AttemptRows(at => $"{at} >= @start and {at} < @end");

    /// <summary>The submissions of the period and of the two periods the cover compares it with, read in one pass.</summary>
    private static readonly string AttemptsWithComparison = AttemptRows(Comparison.Window);

    /// <summary>The submissions whose time (<c>at</c>) is in a window, each with its SMS verification and its result.</summary>
    private static string AttemptRows(Func<string, string> window) =>
        $"""
        select o.id, o.order_number, o.filing_type, o.province, s.attempt, s.submitted_at, v.received_at, r.kind, r.received_at,
               case when jsonb_typeof(r.payload -> 'reasonCodes') = 'array'
                    then array(select jsonb_array_elements_text(r.payload -> 'reasonCodes')) else array[]::text[] end
        from bureau_submissions s
        join filing_orders o on o.id = s.order_id
        left join bureau_submissions n on n.order_id = s.order_id and n.attempt = s.attempt + 1
        left join lateral (
            select e.received_at from bureau_events e
            where e.order_id = s.order_id and e.applied and e.kind = 'sms-verified'
              and e.received_at >= s.submitted_at and (n.submitted_at is null or e.received_at < n.submitted_at)
            order by e.received_at limit 1) v on true
        left join lateral (
            select e.kind, e.received_at, e.payload from bureau_events e
            where e.order_id = s.order_id and e.applied and e.kind in ('approved', 'rejected', 'sms-expired')
              and e.received_at >= s.submitted_at and (n.submitted_at is null or e.received_at < n.submitted_at)
            order by e.received_at limit 1) r on true
        where {window("s.submitted_at")} and {OrderFilter} and {OrdersOf("s")}
        """;

    public override async Task BuildAsync(
        NpgsqlConnection connection, WorkingCalendar calendar, ReportParameters p, Stream output,
        IProgress<ReportProgress>? progress, CancellationToken ct)
    {
        var reasons = (await connection.QueryAsync<(string Code, string Zh, string En)>(new CommandDefinition(
                "select code, label_zh, label_en from reason_codes", cancellationToken: ct)))
            .ToDictionary(r => r.Code, r => p.English ? r.En : r.Zh);
        reasons[SmsExpired] = ResultName(p, SmsExpired);
        string Reason(string code) => reasons.GetValueOrDefault(code, code);

        using var workbook = new ReportWorkbook(p, Report.Title(BureauResults, p.English), Labels.Scope(p, null).Where((_, i) => i != 3));
        WarnOfMissingCalendar(workbook, calendar, p);
        var detail = workbook.AddDetail(p.T("明细", "Detail"),
        [
            new(p.T("订单号", "Order")), new(p.T("备案类型", "Filing type")), new(p.T("省份", "Province")),
            new(p.T("提交次数", "Attempt"), ColumnKind.Integer), new(p.T("提交时间", "Submitted"), ColumnKind.DateTime),
            new(p.T("短信核验时间", "SMS verified"), ColumnKind.DateTime), new(p.T("结果", "Result")),
            new(p.T("结果时间", "Result at"), ColumnKind.DateTime), new(p.T("管局审核（工作日）", "Bureau review (working days)"), ColumnKind.Decimal),
            new(p.T("退回原因", "Reasons")),
        ]);
        var provinces = new SortedDictionary<string, ProvinceResults>(StringComparer.Ordinal);
        var overall = new ProvinceResults();
        var time = new WorkingTime(calendar);
        var comparison = new BureauComparison(p);
        long rows = 0;
        await using (var command = Command(connection, AttemptsWithComparison, p))
        {
            Comparison.AddParameters(command, p);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                Tick(progress, 10, ++rows);
                var (province, attempt, submitted, smsVerified, result, resultAt, codes, reviewDays, withinLimit) = ReadAttempt(reader, time);
                if (!comparison.Add(submitted, result))
                {
                    continue;
                }

                Fold(provinces, overall, province, attempt, result, codes, reviewDays, withinLimit);

                detail.Add(p.OrderCell(reader.GetGuid(0), reader.GetString(1)), Labels.FilingType(p, reader.GetString(2)), Labels.Province(p, province), attempt, submitted,
                    smsVerified, result is null ? p.T("待审", "Pending") : ResultName(p, result), resultAt, reviewDays,
                    codes.Length == 0 ? null : string.Join("；", codes.Select(Reason)));
            }
        }

        progress?.Report(new ReportProgress(60, rows));
        var byProvince = workbook.AddTable(p.T("按省份", "By province"), ProvinceColumns(p),
            provinces.Select(x => (object?[])[Labels.Province(p, x.Key), .. x.Value.Values(), p.Targets.ApprovalRate]),
            [p.T("合计", "Total"), .. overall.Values(), p.Targets.ApprovalRate]);
        workbook.AddChart(new ReportChart(byProvince, p.T("各省管局通过率与目标", "Bureau approval rate by province, against the target"), 0,
            [new ChartSeries(p.T("通过率", "Approval rate"), 5), new ChartSeries(p.T("目标通过率", "Target"), 11, SeriesKind.Line)], "0%"));
        var cumulative = 0;
        var mentions = overall.Reasons.Values.Sum();
        var reasonTable = workbook.AddTable(p.T("退回原因排名", "Rejection reasons"),
            [new(p.T("排名", "Rank"), ColumnKind.Integer), new(p.T("退回原因", "Reason")), new(p.T("次数", "Count"), ColumnKind.Integer),
             new(p.T("占退回比例", "Share of rejections"), ColumnKind.Percent), new(p.T("累计占比", "Cumulative share"), ColumnKind.Percent)],
            Ranked(overall).Select(r => (object?[])[r.Rank, Reason(r.Code), r.Count, Share(r.Count, overall.Rejected), Share(cumulative += r.Count, mentions)]));
        workbook.AddChart(new ReportChart(reasonTable, p.T("退回原因（帕累托）", "Rejection reasons (Pareto)"), 1,
            [new ChartSeries(p.T("次数", "Count"), 2), new ChartSeries(p.T("累计占比", "Cumulative share"), 4, SeriesKind.Line, Secondary: true)], "#,##0", "0%"));
        workbook.AddTable(p.T("各省退回原因", "Reasons by province"),
            [new(p.T("省份", "Province")), new(p.T("排名", "Rank"), ColumnKind.Integer), new(p.T("退回原因", "Reason")),
             new(p.T("次数", "Count"), ColumnKind.Integer), new(p.T("占该省退回比例", "Share of the province's rejections"), ColumnKind.Percent)],
            provinces.SelectMany(x => Ranked(x.Value).Select(r => (object?[])[Labels.Province(p, x.Key), r.Rank, Reason(r.Code), r.Count, Share(r.Count, x.Value.Rejected)])));
        progress?.Report(new ReportProgress(70, rows));
        workbook.AddHeadlines(p, comparison.Headlines());
        progress?.Report(new ReportProgress(80, rows));
        workbook.Save(output, Details);
    }

    /// <summary>One row of <see cref="Attempts"/>: the submission, its result (an expired SMS verification is a rejection with its reason) and review time.</summary>
    internal static (string Province, int Attempt, DateTimeOffset Submitted, DateTimeOffset? SmsVerified, string? Result, DateTimeOffset? ResultAt,
        string[] Codes, double? ReviewDays, bool? WithinLimit) ReadAttempt(NpgsqlDataReader reader, WorkingTime time)
    {
        var submitted = reader.GetFieldValue<DateTimeOffset>(5);
        var smsVerified = Instant(reader, 6);
        var result = Text(reader, 7);
        var resultAt = Instant(reader, 8);
        var codes = result == SmsExpired ? [SmsExpired] : reader.GetFieldValue<string[]>(9);
        double? reviewDays = null;
        bool? withinLimit = null;
        if (result is "approved" or "rejected")
        {
            var start = smsVerified ?? submitted;
            reviewDays = time.HoursBetween(start, resultAt!.Value) / Reports.Sla.Stage.HoursPerWorkingDay;
            withinLimit = resultAt <= time.AddWorkingDays(start, LimitWorkingDays);
        }

        return (reader.GetString(3), reader.GetInt32(4), submitted, smsVerified, result, resultAt, codes, reviewDays, withinLimit);
    }

    /// <summary>Counts one submission in its province and in the total.</summary>
    internal static void Fold(
        IDictionary<string, ProvinceResults> provinces, ProvinceResults overall, string province, int attempt, string? result, string[] codes,
        double? reviewDays, bool? withinLimit)
    {
        if (!provinces.TryGetValue(province, out var results))
        {
            results = new ProvinceResults();
            provinces[province] = results;
        }

        foreach (var target in new[] { results, overall })
        {
            target.Add(attempt, result, codes, reviewDays, withinLimit);
        }
    }

    /// <summary>A result by the label catalogue's bureau labels (管局审核通过, 管局退回, 短信核验超时), as the pages show it.</summary>
    private static string ResultName(ReportParameters p, string result) =>
        Workflows.Labels.LabelCatalogue.Of(Workflows.Labels.LabelSet.BureauEvent, result, p.English);

    private static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>Reasons by count, most frequent first; equal counts share a rank (1, 1, 3).</summary>
    private static IEnumerable<(int Rank, string Code, int Count)> Ranked(ProvinceResults results)
    {
        var ordered = results.Reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        var rank = 0;
        for (var i = 0; i < ordered.Count; i++)
        {
            rank = i > 0 && ordered[i].Value == ordered[i - 1].Value ? rank : i + 1;
            yield return (rank, ordered[i].Key, ordered[i].Value);
        }
    }

    private static Column[] ProvinceColumns(ReportParameters p) =>
    [
        new(p.T("省份", "Province")), new(p.T("提交", "Submitted"), ColumnKind.Integer), new(p.T("通过", "Approved"), ColumnKind.Integer),
        new(p.T("退回", "Rejected"), ColumnKind.Integer), new(p.T("待审", "Pending"), ColumnKind.Integer),
        new(p.T("通过率", "Approval rate"), ColumnKind.Percent), new(p.T("一次通过率", "First-pass rate"), ColumnKind.Percent),
        new(p.T("审核时长中位数（工作日）", "Review median (working days)"), ColumnKind.Decimal),
        new(p.T("审核时长P90（工作日）", "Review p90 (working days)"), ColumnKind.Decimal),
        new(p.T("最长（工作日）", "Longest (working days)"), ColumnKind.Decimal),
        new(p.T($"超过{LimitWorkingDays}个工作日", $"Over {LimitWorkingDays} working days"), ColumnKind.Integer),
        new(p.T("目标通过率", "Target"), ColumnKind.Percent),
    ];

    /// <summary>The counts of one province (or all): results, first submissions, review times and reasons.</summary>
    internal sealed class ProvinceResults
    {
        private readonly Durations _review = new();
        private int _pending;
        private int _firstDecided;
        private int _firstApproved;
        private int _overLimit;

        public int Submitted { get; private set; }

        public int Approved { get; private set; }

        public int Rejected { get; private set; }

        /// <summary>Approved ÷ decided (approved and rejected); none when nothing was decided.</summary>
        public double? ApprovalRate => Share(Approved, Approved + Rejected);

        public Dictionary<string, int> Reasons { get; } = new(StringComparer.Ordinal);

        public void Add(int attempt, string? result, string[] codes, double? reviewDays, bool? withinLimit)
        {
            Submitted++;
            Approved += result == "approved" ? 1 : 0;
            Rejected += result is "rejected" or SmsExpired ? 1 : 0;
            _pending += result is null ? 1 : 0;
            if (attempt == 1 && result is not null)
            {
                _firstDecided++;
                _firstApproved += result == "approved" ? 1 : 0;
            }

            if (reviewDays is { } days)
            {
                _review.AddDone(days, withinLimit!.Value);
                _overLimit += withinLimit.Value ? 0 : 1;
            }

            foreach (var code in codes.Where(_ => result is "rejected" or SmsExpired).Distinct())
            {
                Reasons[code] = Reasons.GetValueOrDefault(code) + 1;
            }
        }

        public object?[] Values() =>
        [
            Submitted, Approved, Rejected, _pending, ApprovalRate, Share(_firstApproved, _firstDecided),
            _review.Median, _review.P90, _review.Max, _overLimit,
        ];
    }
}
