using Backoffice.Reports.Workbooks;
using Backoffice.Workflows.Scheduling;
using Npgsql;

namespace Backoffice.Reports.PublicSecurity;

/// <summary>
/// Public-security filing (公安备案) follow-up as of a day: every approved order whose follow-up
/// started by then, by days since approval, with whether it was reminded, whether the number was
/// reported, and whether it is overdue (not reported more than 30 days after approval); and the list of
/// the follow-ups due in the next 7 days and the overdue ones, with the team that owns each order (<see cref="DueList"/>).
/// </summary>
public sealed class PublicSecurityReport : Report
{
    public const int DueDays = 30;

    private const string Followed =
        $"""
        select o.id, o.order_number, o.province, o.subject_name, o.subject_nature, o.website_filing_numbers, i.created_at,
               (select min(m.created_at) from outbox_messages m where m.order_id = o.id and m.template = 'remind' and m.created_at < @end),
               (select min(a.at) from audit_log a
                where a.entity_type = 'filing-order' and a.entity_id = o.order_number and a.action = 'public-security-reported' and a.at < @end),
               o.public_security_number, w.team, w.owner
        from workflow_instances i join filing_orders o on o.id = i.order_id
        left join lateral (
            select t.team, coalesce(t.completed_by, t.assignee) as owner from review_tasks t
            where t.order_id = o.id and t.status <> 'cancelled' order by t.created_at desc limit 1) w on true
        where i.definition_id = 'public-security-follow-up' and i.created_at < @end and {OrderFilter}
        order by i.created_at
        """;

    /// <summary>Upper bounds (days, inclusive) of the buckets of days since approval; the last bucket is open-ended.</summary>
    private static readonly int[] Bounds = [10, 20, DueDays, 60];

    public override async Task BuildAsync(
        NpgsqlConnection connection, WorkingCalendar calendar, ReportParameters p, Stream output,
        IProgress<ReportProgress>? progress, CancellationToken ct)
    {
        var scope = Labels.Scope(p, null).Where((_, i) => i is 1 or 2).Prepend((p.T("截至", "As of"), p.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .Append((p.T("到期", "Due"), p.T(
                $"批准后第{DueDays}天为公安备案截止日（网站开通之日起{DueDays}日内）；第20天自动发送提醒",
                $"the filing deadline, day {DueDays} after approval (within {DueDays} days of the site opening); a reminder goes out by itself on day 20")));
        using var workbook = new ReportWorkbook(p, Report.Title(PublicSecurity, p.English), scope);
        var detail = workbook.AddDetail(p.T("明细", "Detail"),
        [
            new(p.T("订单号", "Order")), new(p.T("省份", "Province")), new(p.T("主体名称", "Subject")), new(p.T("网站备案号", "Website filing numbers")),
            new(p.T("批准时间", "Approved"), ColumnKind.DateTime), new(p.T("距批准天数", "Days since approval"), ColumnKind.Integer),
            new(p.T("提醒时间", "Reminded"), ColumnKind.DateTime), new(p.T("报备时间", "Reported"), ColumnKind.DateTime),
            new(p.T("公安备案号", "Public-security number")), new(p.T("状态", "State")),
        ]);
        var names = await Names.LoadAsync(connection, p, ct);
        var due = DueList.Add(workbook, p);
        var buckets = new Bucket[Bounds.Length + 1];
        for (var i = 0; i < buckets.Length; i++)
        {
            buckets[i] = new Bucket();
        }

        long rows = 0;
        await using (var command = Command(connection, Followed, p))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var approved = reader.GetFieldValue<DateTimeOffset>(6);
                var approvalDay = DateOnly.FromDateTime(DetailSheet.ToChina(approved));
                var days = p.To.DayNumber - approvalDay.DayNumber;
                var deadline = approvalDay.AddDays(DueDays);
                var reminded = Instant(reader, 7);
                var reported = Instant(reader, 8);
                var overdue = reported is null && p.To > deadline;
                var websites = reader.GetFieldValue<string[]>(5);
                var bucket = buckets[Bounds.Count(b => days > b)];
                bucket.Orders++;
                bucket.Websites += websites.Length;
                bucket.Reminded += reminded is null ? 0 : 1;
                bucket.Reported += reported is null ? 0 : 1;
                bucket.Overdue += overdue ? 1 : 0;
                detail.Add(p.OrderCell(reader.GetGuid(0), reader.GetString(1)), Labels.Province(p, reader.GetString(2)), Labels.SubjectName(reader.GetString(3), Text(reader, 4)),
                    string.Join("，", websites), approved, days, reminded, reported, reported is null ? null : Text(reader, 9),
                    reported is not null ? p.T("已报备", "Reported") : overdue ? p.T("逾期", "Overdue") : p.T("待报备", "Waiting"));
                if (reported is null && DueList.Lists(p, deadline))
                {
                    due.Add(p, names, reader, approved, deadline, reminded);
                }

                Tick(progress, 10, ++rows);
            }
        }

        progress?.Report(new ReportProgress(60, rows));
        workbook.AddTable(p.T("按距批准天数", "By days since approval"),
        [
            new(p.T("距批准天数", "Days since approval")), new(p.T("已批准订单", "Approved orders"), ColumnKind.Integer),
            new(p.T("网站数", "Websites"), ColumnKind.Integer), new(p.T("已提醒", "Reminded"), ColumnKind.Integer),
            new(p.T("已报备", "Reported"), ColumnKind.Integer), new(p.T("未报备", "Not reported"), ColumnKind.Integer),
            new(p.T("逾期", "Overdue"), ColumnKind.Integer), new(p.T("报备率", "Reported share"), ColumnKind.Percent),
        ],
            buckets.Select((b, i) => (object?[])[BucketName(p, i), .. b.Values()]),
            [p.T("合计", "Total"), .. buckets.Aggregate(new Bucket(), (sum, b) => sum.Plus(b)).Values()]);
        due.Finish(workbook, p);
        progress?.Report(new ReportProgress(70, rows));
        workbook.Save(output, Details);
    }

    private static string BucketName(ReportParameters p, int index) =>
        index == 0 ? p.T($"0–{Bounds[0]}天", $"0–{Bounds[0]} days")
        : index == Bounds.Length ? p.T($"{Bounds[^1]}天以上", $"over {Bounds[^1]} days")
        : p.T($"{Bounds[index - 1] + 1}–{Bounds[index]}天", $"{Bounds[index - 1] + 1}–{Bounds[index]} days");

    private sealed class Bucket
    {
        public int Orders { get; set; }

        public int Websites { get; set; }

        public int Reminded { get; set; }

        public int Reported { get; set; }

        public int Overdue { get; set; }

        public Bucket Plus(Bucket other) => new()
        {
            Orders = Orders + other.Orders, Websites = Websites + other.Websites, Reminded = Reminded + other.Reminded,
            Reported = Reported + other.Reported, Overdue = Overdue + other.Overdue,
        };

        public object?[] Values() =>
            [Orders, Websites, Reminded, Reported, Orders - Reported, Overdue, Orders == 0 ? null : (double)Reported / Orders];
    }
}
