using System.ComponentModel.DataAnnotations;
using Backoffice.Workflows.Scheduling;
using Backoffice.Workflows.Steps;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Backoffice.Workflows.Bureau;

/// <summary>Settings of the simulated bureau (section "BureauSimulator").</summary>
public sealed class BureauSimulatorOptions
{
    /// <summary>Working days the simulated bureau takes to review (at most 20 by law).</summary>
    [Range(1, 20)]
    public int ReviewWorkingDays { get; set; } = 5;

    [Range(0.0, 1.0)]
    public double RejectionRate { get; set; } = 0.1;

    /// <summary>Share of applicants who verify the MIIT SMS in time; the others let it expire.</summary>
    [Range(0.0, 1.0)]
    public double SmsVerifiedRate { get; set; } = 0.95;

    /// <summary>Minutes after submission at which a simulated applicant verifies the SMS.</summary>
    [Range(0, 24 * 60)]
    public int SmsAfterMinutes { get; set; } = 30;

    /// <summary>The reason codes a simulated rejection draws from.</summary>
    [MinLength(1)]
    public List<string> RejectionReasons { get; set; } = ["certificate-unclear", "address-not-detailed", "domain-holder-mismatch"];
}

/// <summary>
/// Stands in for the bureau, whose interface is not public. In test mode it only accepts
/// submissions: results arrive through POST /api/bureau/events. Otherwise it plays the applicant's
/// SMS verification and the bureau's review as scheduled jobs, with the configured delays and rates.
/// </summary>
public sealed class BureauSimulator(
    IOptions<BureauSimulatorOptions> options, IOptions<BackofficeOptions> backoffice, IBackgroundJobClient jobs,
    NpgsqlDataSource dataSource, WorkingCalendarStore calendars, TimeProvider clock, StepTransaction steps, BureauEvents events,
    ILogger<BureauSimulator> logger) : IBureauAdapter
{
    public Task SubmitAsync(BureauSubmission submission, CancellationToken cancellationToken)
    {
        var (orderId, attempt, passwordHash) = submission;
        logger.LogInformation("Bureau simulator received order {OrderId} (attempt {Attempt}, filing password {FilingPassword})",
            orderId, attempt, passwordHash is null ? "none" : "given");
        if (!backoffice.Value.TestMode && Random.Shared.NextDouble() < options.Value.SmsVerifiedRate)
        {
            jobs.Schedule<BureauSimulator>(s => s.VerifySmsAsync(orderId, CancellationToken.None), TimeSpan.FromMinutes(options.Value.SmsAfterMinutes));
        }

        return Task.CompletedTask;
    }

    public async Task VerifySmsAsync(Guid orderId, CancellationToken ct)
    {
        var result = await steps.StepAsync("bureau-simulator", async step => (await events.ApplyAsync(step, orderId, "sms-verified", null), true), ct);
        if (result?.Applied == true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            var calendar = await calendars.GetAsync(connection, ct);
            jobs.Schedule<BureauSimulator>(s => s.ReviewAsync(orderId, CancellationToken.None),
                calendar.AddWorkingDays(clock.GetUtcNow(), options.Value.ReviewWorkingDays));
        }
    }

    public Task ReviewAsync(Guid orderId, CancellationToken ct)
    {
        var settings = options.Value;
        var rejected = Random.Shared.NextDouble() < settings.RejectionRate;
        IReadOnlyList<string>? reasons = rejected ? [settings.RejectionReasons[Random.Shared.Next(settings.RejectionReasons.Count)]] : null;
        return steps.StepAsync("bureau-simulator", async step =>
            (await events.ApplyAsync(step, orderId, rejected ? "rejected" : "approved", reasons), true), ct);
    }
}
