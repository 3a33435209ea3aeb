using System.Collections.Concurrent;
using Hangfire.Server;

namespace Backoffice.Web.Tests.Operations;

/// <summary>A Hangfire job that holds on its first run until its server cancels it, and records on which server each run was.</summary>
public sealed class HeldJob
{
    private static readonly ConcurrentDictionary<string, Runs> All = new();

    public static Runs Of(string key) => All.GetOrAdd(key, _ => new Runs());

    public async Task RunAsync(string key, PerformContext? context, CancellationToken ct)
    {
        var first = Of(key).Add(new Run(context!.ServerId));
        if (first)
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
    }

    public sealed record Run(string Server);

    /// <summary>The runs of one job, in order; a waiter per run.</summary>
    public sealed class Runs
    {
        private readonly TaskCompletionSource<Run>[] _runs = [new(TaskCreationOptions.RunContinuationsAsynchronously), new(TaskCreationOptions.RunContinuationsAsynchronously)];
        private int _count;

        /// <summary>Records a run; true for the first.</summary>
        public bool Add(Run run)
        {
            var index = Interlocked.Increment(ref _count) - 1;
            if (index < _runs.Length)
            {
                _runs[index].TrySetResult(run);
            }

            return index == 0;
        }

        public async Task<Run> RunAsync(int index, TimeSpan within) => await _runs[index].Task.WaitAsync(within);
    }
}
