using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backoffice.Workflows.Bureau;

/// <summary>Settings of the simulated bureau (section "BureauSimulator").</summary>
public sealed class BureauSimulatorOptions
{
    /// <summary>Working days the simulated bureau takes to review.</summary>
    [Range(1, 20)]
    public int ReviewWorkingDays { get; set; } = 5;

    [Range(0.0, 1.0)]
    public double RejectionRate { get; set; } = 0.1;

    /// <summary>Share of applicants who verify the MIIT SMS in time.</summary>
    [Range(0.0, 1.0)]
    public double SmsVerifiedRate { get; set; } = 0.95;

    public List<string> RejectionReasons { get; set; } = ["certificate-unclear", "address-not-detailed", "domain-holder-mismatch"];
}

/// <summary>
/// Stands in for the bureau: accepts submissions and logs them. Results arrive only through
/// POST /api/bureau/events (recorded by staff, or by a test in test mode); it never acts on its own.
/// </summary>
public sealed class BureauSimulator(IOptions<BureauSimulatorOptions> options, ILogger<BureauSimulator> logger) : IBureauAdapter
{
    public Task SubmitAsync(Guid orderId, int attempt, CancellationToken cancellationToken)
    {
        logger.LogInformation(
            "Bureau simulator received order {OrderId} (attempt {Attempt}); simulated review {Days} working days",
            orderId, attempt, options.Value.ReviewWorkingDays);
        return Task.CompletedTask;
    }
}
