using System.Diagnostics;

namespace Backoffice.Bench;

/// <summary>
/// Counts the database commands the process runs and the time spent in them, from Npgsql's activities:
/// each command (a batch included) is one round trip to the server.
/// </summary>
public sealed class CommandMeter : IDisposable
{
    private readonly ActivityListener _listener;
    private long _commands;
    private long _ticks;

    public CommandMeter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                Interlocked.Increment(ref _commands);
                Interlocked.Add(ref _ticks, activity.Duration.Ticks);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public (long Commands, TimeSpan Time) Reading => (Interlocked.Read(ref _commands), TimeSpan.FromTicks(Interlocked.Read(ref _ticks)));

    public void Dispose() => _listener.Dispose();
}
