using System.Text.Json.Nodes;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Steps;
using Dapper;
using NpgsqlTypes;

namespace Backoffice.Workflows.Bureau;

/// <summary>Registry changes that an approved order of each type makes.</summary>
internal sealed class RegistryWriter(StepContext context, string provider)
{
    public sealed record Numbers(string? Subject, IReadOnlyList<string> Websites, string Note);

    /// <summary>
    /// Files the order's subject (a new number unless it has one) and websites (a domain filed before
    /// keeps its website's number, otherwise the subject's next serial after the highest it was ever
    /// issued, so a deregistered website's number is never given again): one round trip locks the
    /// subject and reads its last serial (or a new subject's serial) and the numbers of known domains,
    /// the rows go out with the step. The issued number's keys refuse a collision.
    /// </summary>
    public async Task<Numbers> FileAsync(FilingOrderRow order, JsonObject body)
    {
        var websites = body["websites"]!.AsArray().OfType<JsonObject>()
            .Select(w => (Website: w, Domains: w["domains"]!.AsArray().Select(d => DomainName.TryNormalize(d!.GetValue<string>(), out var a) ? a : d!.GetValue<string>()).ToArray()))
            .ToList();
        var subjectNumber = order.SubjectFilingNumber;
        await using var reads = await context.Connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            {(subjectNumber is null ? "select nextval('registry_subject_serial_seq')" : LastSerialSql)};
            select domain, website_filing_number from registry_domains where domain = any(@domains)
            """, new { subjectNumber, domains = websites.SelectMany(w => w.Domains).ToArray() }, cancellationToken: context.CancellationToken));
        if (subjectNumber is not null)
        {
            await reads.ReadAsync<int>();
        }

        var serial = await reads.ReadSingleAsync<long>();
        var filed = (await reads.ReadAsync<(string Domain, string Number)>()).ToDictionary(d => d.Domain, d => d.Number);
        var lastSerial = 0;
        if (subjectNumber is null)
        {
            subjectNumber = FilingNumbers.Subject(order.Province, serial);
            context.Writes.Add(
                """
                insert into registry_subjects (subject_filing_number, certificate_type, certificate_number, name, nature, province, provider)
                values ($1, $2, $3, $4, $5, $6, $7)
                """,
                subjectNumber, order.SubjectCertificateType, order.SubjectCertificateNumber, order.SubjectName,
                DeferredWrites.Nullable(NpgsqlDbType.Text, order.SubjectNature), order.Province, provider);
        }
        else
        {
            lastSerial = (int)serial;
        }

        var numbers = new List<string>();
        foreach (var (website, domains) in websites)
        {
            var name = DeferredWrites.Nullable(NpgsqlDbType.Text, website["name"]?.GetValue<string>());
            var number = domains.Select(filed.GetValueOrDefault).FirstOrDefault(n => n is not null);
            if (number is null)
            {
                number = FilingNumbers.Website(subjectNumber, ++lastSerial);
                context.Writes.Add(
                    "insert into registry_website_numbers (website_filing_number, subject_filing_number, serial) values ($1, $2, $3)", number, subjectNumber, lastSerial);
                context.Writes.Add(
                    "insert into registry_websites (website_filing_number, subject_filing_number, name) values ($1, $2, $3)", number, subjectNumber, name);
            }
            else
            {
                context.Writes.Add(
                    "insert into registry_websites (website_filing_number, subject_filing_number, name) values ($1, $2, $3) on conflict (website_filing_number) do nothing",
                    number, subjectNumber, name);
            }

            context.Writes.Add(
                "insert into registry_domains (domain, website_filing_number) select unnest($1::text[]), $2 on conflict (domain) do nothing", domains, number);
            context.Writes.Add(
                """
                insert into registry_accesses (website_filing_number, provider, access_kind, access_value) values ($1, $2, $3, $4)
                on conflict (website_filing_number, provider) do update set access_kind = excluded.access_kind, access_value = excluded.access_value
                """,
                number, provider, DeferredWrites.Nullable(NpgsqlDbType.Text, website["accessResource"]?["kind"]?.GetValue<string>()),
                DeferredWrites.Nullable(NpgsqlDbType.Text, website["accessResource"]?["value"]?.GetValue<string>()));
            numbers.Add(number);
        }

        return new Numbers(subjectNumber, numbers, $"备案号 / filing numbers: {string.Join(", ", numbers)}");
    }

    public async Task<Numbers> CancelAccessAsync(string websiteNumber)
    {
        await Execute("delete from registry_accesses where website_filing_number = @websiteNumber and provider = @provider", new { websiteNumber, provider });
        var others = await Scalar<int>("select count(*)::int from registry_accesses where website_filing_number = @websiteNumber", new { websiteNumber });
        var note = others == 0
            ? "已取消接入；该网站已无其他接入商，管局可能注销其备案 / access cancelled; no other provider accesses the site, the bureau may deregister it"
            : "已取消接入 / access cancelled";
        return new Numbers(FilingNumbers.SubjectOf(websiteNumber), [websiteNumber], note);
    }

    public async Task<Numbers> DeregisterWebsiteAsync(string websiteNumber)
    {
        await Execute(
            """
            delete from registry_accesses where website_filing_number = @websiteNumber;
            delete from registry_domains where website_filing_number = @websiteNumber;
            delete from registry_websites where website_filing_number = @websiteNumber;
            """, new { websiteNumber });
        return new Numbers(FilingNumbers.SubjectOf(websiteNumber), [websiteNumber], $"网站已注销 / website deregistered: {websiteNumber}");
    }

    public async Task<Numbers> DeregisterSubjectAsync(string subjectNumber)
    {
        await Execute(
            """
            delete from registry_accesses where website_filing_number in (select website_filing_number from registry_websites where subject_filing_number = @subjectNumber);
            delete from registry_domains where website_filing_number in (select website_filing_number from registry_websites where subject_filing_number = @subjectNumber);
            delete from registry_websites where subject_filing_number = @subjectNumber;
            delete from registry_subjects where subject_filing_number = @subjectNumber;
            """, new { subjectNumber });
        return new Numbers(subjectNumber, [], $"主体已注销 / subject deregistered: {subjectNumber}");
    }

    public async Task<Numbers> ChangeSubjectAsync(string subjectNumber, string name, JsonObject body)
    {
        await Execute("update registry_subjects set name = @name where subject_filing_number = @subjectNumber", new { name, subjectNumber });
        return new Numbers(subjectNumber, [], $"主体信息已变更 / subject changed: {subjectNumber}");
    }

    public async Task<Numbers> ChangeWebsiteAsync(string websiteNumber, JsonObject body)
    {
        var website = body["websites"]![0]!.AsObject();
        var domains = website["domains"]!.AsArray().Select(d => DomainName.TryNormalize(d!.GetValue<string>(), out var a) ? a : d!.GetValue<string>()).ToArray();
        await Execute(
            """
            update registry_websites set name = @name where website_filing_number = @websiteNumber;
            delete from registry_domains where website_filing_number = @websiteNumber;
            insert into registry_domains (domain, website_filing_number) select unnest(@domains), @websiteNumber on conflict (domain) do nothing;
            update registry_accesses set access_kind = @kind, access_value = @value where website_filing_number = @websiteNumber and provider = @provider;
            """,
            new
            {
                websiteNumber, name = website["name"]?.GetValue<string>(), domains, provider,
                kind = website["accessResource"]?["kind"]?.GetValue<string>(), value = website["accessResource"]?["value"]?.GetValue<string>(),
            });
        return new Numbers(FilingNumbers.SubjectOf(websiteNumber), [websiteNumber], $"网站信息已变更 / website changed: {websiteNumber}");
    }

    /// <summary>Locks the subject (two orders of one subject number their websites one after the other), then reads its highest serial ever issued.</summary>
    private const string LastSerialSql =
        """
        select 1 from registry_subjects where subject_filing_number = @subjectNumber for update;
        select coalesce(max(serial), 0)::bigint from registry_website_numbers where subject_filing_number = @subjectNumber
        """;

    private Task Execute(string sql, object? args) =>
        context.Connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: context.CancellationToken));

    private Task<T> Scalar<T>(string sql, object? args) =>
        context.Connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, args, cancellationToken: context.CancellationToken))!;
}
