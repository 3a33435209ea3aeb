namespace Backoffice.Reports.Statistics;

/// <summary>
/// Completed durations of one group (a stage, a team's stage, a reviewer's stage): count, share
/// within SLA, median, p90 and max. Percentiles interpolate linearly between ranks, as PostgreSQL's
/// percentile_cont does.
/// </summary>
public sealed class Durations
{
    private readonly List<double> _values = [];
    private bool _sorted;

    public int Count => _values.Count;

    public int WithinSla { get; private set; }

    public int Open { get; private set; }

    public int OpenOverdue { get; private set; }

    public double? ShareWithinSla => Count == 0 ? null : (double)WithinSla / Count;

    public double? Median => Percentile(0.5);

    public double? P90 => Percentile(0.9);

    public double? Max => Count == 0 ? null : _values.Max();

    public void AddDone(double duration, bool withinSla)
    {
        _values.Add(duration);
        _sorted = false;
        WithinSla += withinSla ? 1 : 0;
    }

    public void AddOpen(bool overdue)
    {
        Open++;
        OpenOverdue += overdue ? 1 : 0;
    }

    public double? Percentile(double p)
    {
        if (Count == 0)
        {
            return null;
        }

        if (!_sorted)
        {
            _values.Sort();
            _sorted = true;
        }

        var rank = p * (Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, Count - 1);
        return _values[lower] + ((rank - lower) * (_values[upper] - _values[lower]));
    }
}
