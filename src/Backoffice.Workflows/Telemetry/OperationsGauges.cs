using System.Diagnostics.Metrics;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Backoffice.Workflows.Telemetry;

/// <summary>
/// The desk's gauges: open tasks and breached open tasks per team, and the bureau queue (orders at the
/// bureau, in SMS verification or bureau review). Read from the database every 30 seconds by each node,
/// so a scrape costs no query.
/// </summary>
public sealed class OperationsGauges : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;
    private readonly ILogger<OperationsGauges> _logger;
    private volatile Snapshot _last = new([], 0);

    public OperationsGauges(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<OperationsGauges> logger)
    {
        _dataSource = dataSource;
        _clock = clock;
        _logger = logger;
        EngineTelemetry.Meter.CreateObservableGauge("backoffice.tasks.open", () => _last.Teams.Select(t => new Measurement<long>(t.Open, new KeyValuePair<string, object?>("team", t.Team))), "{task}", "Open review tasks per team.");
        EngineTelemetry.Meter.CreateObservableGauge("backoffice.tasks.breached", () => _last.Teams.Select(t => new Measurement<long>(t.Breached, new KeyValuePair<string, object?>("team", t.Team))), "{task}", "Open review tasks past their SLA due time, per team.");
        EngineTelemetry.Meter.CreateObservableGauge("backoffice.bureau.queue", () => _last.BureauQueue, "{order}", "Orders waiting on the bureau (at the bureau, SMS verification, bureau review).");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                try
                {
                    _last = await ReadAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
                {
                    _logger.LogWarning(ex, "The desk's gauges could not be read");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<Snapshot> ReadAsync(CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        var teams = await connection.QueryAsync<TeamTasks>(new CommandDefinition(
            "select team, count(*) as open, count(*) filter (where due_at < @now) as breached from review_tasks where status = 'open' group by team",
            new { now = _clock.GetUtcNow() }, cancellationToken: ct));
        var bureau = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "select count(*) from filing_orders where status = any(@statuses)",
            new { statuses = new[] { Filings.FilingStatus.AtBureau, Filings.FilingStatus.SmsVerification, Filings.FilingStatus.BureauReview } }, cancellationToken: ct));
        return new Snapshot(teams.ToList(), bureau);
    }

    private sealed record Snapshot(IReadOnlyList<TeamTasks> Teams, long BureauQueue);

    private sealed record TeamTasks
    {
        public string Team { get; init; } = "";
        public long Open { get; init; }
        public long Breached { get; init; }
    }
}
