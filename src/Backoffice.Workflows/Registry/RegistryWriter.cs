using System.Text.Json.Nodes;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Filings.Rules;
using Backoffice.Workflows.Steps;
using Dapper;

namespace Backoffice.Workflows.Registry;

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
            context.Write(new FileSubject(subjectNumber, order.SubjectCertificateType, order.SubjectCertificateNumber, order.SubjectName,
                order.SubjectNature, order.Province, provider));
        }
        else
        {
            lastSerial = (int)serial;
        }

        var numbers = new List<string>();
        foreach (var (website, domains) in websites)
        {
            var name = website["name"]?.GetValue<string>();
            var number = domains.Select(filed.GetValueOrDefault).FirstOrDefault(n => n is not null);
            int? issued = null;
            if (number is null)
            {
                issued = ++lastSerial;
                number = FilingNumbers.Website(subjectNumber, lastSerial);
            }

            context.Write(new FileWebsite(number, subjectNumber, name, issued));
            context.Write(new FileDomains(number, domains));
            context.Write(new GrantAccess(number, provider, website["accessResource"]?["kind"]?.GetValue<string>(), website["accessResource"]?["value"]?.GetValue<string>()));
            numbers.Add(number);
        }

        return new Numbers(subjectNumber, numbers, $"备案号 / filing numbers: {string.Join(", ", numbers)}");
    }

    public async Task<Numbers> CancelAccessAsync(string websiteNumber)
    {
        await RunAsync(new CancelAccess(websiteNumber, provider));
        var others = await context.Connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "select count(*)::int from registry_accesses where website_filing_number = @websiteNumber", new { websiteNumber }, cancellationToken: context.CancellationToken));
        var note = others == 0
            ? "已取消接入；该网站已无其他接入商，管局可能注销其备案 / access cancelled; no other provider accesses the site, the bureau may deregister it"
            : "已取消接入 / access cancelled";
        return new Numbers(FilingNumbers.SubjectOf(websiteNumber), [websiteNumber], note);
    }

    public async Task<Numbers> DeregisterWebsiteAsync(string websiteNumber)
    {
        await RunAsync(new DeregisterWebsite(websiteNumber));
        return new Numbers(FilingNumbers.SubjectOf(websiteNumber), [websiteNumber], $"网站已注销 / website deregistered: {websiteNumber}");
    }

    public async Task<Numbers> DeregisterSubjectAsync(string subjectNumber)
    {
        await RunAsync(new DeregisterSubject(subjectNumber));
        return new Numbers(subjectNumber, [], $"主体已注销 / subject deregistered: {subjectNumber}");
    }

    public async Task<Numbers> ChangeSubjectAsync(string subjectNumber, string name)
    {
        await RunAsync(new RenameSubject(subjectNumber, name));
        return new Numbers(subjectNumber, [], $"主体信息已变更 / subject changed: {subjectNumber}");
    }

    public async Task<Numbers> ChangeWebsiteAsync(string websiteNumber, JsonObject body)
    {
        var website = body["websites"]![0]!.AsObject();
        var domains = website["domains"]!.AsArray().Select(d => DomainName.TryNormalize(d!.GetValue<string>(), out var a) ? a : d!.GetValue<string>()).ToArray();
        await RunAsync(new ChangeWebsite(websiteNumber, website["name"]?.GetValue<string>(), domains, provider,
            website["accessResource"]?["kind"]?.GetValue<string>(), website["accessResource"]?["value"]?.GetValue<string>()));
        return new Numbers(FilingNumbers.SubjectOf(websiteNumber), [websiteNumber], $"网站信息已变更 / website changed: {websiteNumber}");
    }

    /// <summary>Locks the subject (two orders of one subject number their websites one after the other), then reads its highest serial ever issued.</summary>
    private const string LastSerialSql =
        """
        select 1 from registry_subjects where subject_filing_number = @subjectNumber for update;
        select coalesce(max(serial), 0)::bigint from registry_website_numbers where subject_filing_number = @subjectNumber
        """;

    /// <summary>Runs a change of a filed subject or website at once, in the step's transaction (a cancelled access is followed by a count of those left).</summary>
    private Task RunAsync(EngineWrite write) => write.RunAsync(context.Connection, null, context.CancellationToken);
}
