using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Scheduling;
using Npgsql;

namespace Backoffice.Workflows.Steps;

/// <summary>
/// What one engine step runs with: the connection enlisted in the step's transaction, the time of
/// the step, who caused it, the working-day calendar, the side-effect queue of this transaction,
/// the writes sent at commit, and the orders the step has locked.
/// </summary>
public sealed record StepContext(
    NpgsqlConnection Connection, DateTimeOffset Now, string Actor, WorkingCalendar Calendar, CancellationToken CancellationToken)
{
    /// <summary>Orders the step changed (status, filing numbers, public-security number), and whether it submitted them: saved once each at commit.</summary>
    private readonly Dictionary<Guid, bool> _changedOrders = [];
    private HangfireJobRows? _sideEffects;

    public DeferredWrites Writes { get; } = new();

    /// <summary>The Hangfire jobs of this step, written with its other writes at commit.</summary>
    public ISideEffects SideEffects => _sideEffects ??= new HangfireJobRows(Writes);

    internal Dictionary<Guid, FilingOrderRow> Orders { get; } = [];

    /// <summary>Instances this step read (under their order's lock) or started; saved once each, row version checked, when the step commits.</summary>
    internal Dictionary<Guid, WorkflowInstance> Instances { get; } = [];

    internal HashSet<Guid> ConsumedBookmarks { get; } = [];

    /// <summary>Bookmarks read by this step while it held their order's lock: they wait unless the step consumed them.</summary>
    internal HashSet<Guid> WaitingBookmarks { get; } = [];

    /// <summary>Saves the step's orders and instances and sends its writes with the COMMIT, in one round trip.</summary>
    public Task CommitAsync()
    {
        foreach (var (orderId, submitted) in _changedOrders)
        {
            OrderStatus.Save(this, Orders[orderId], submitted);
        }

        foreach (var instance in Instances.Values)
        {
            InstanceStore.Save(this, instance);
        }

        return Writes.FlushAsync(Connection, commit: true, CancellationToken);
    }

    /// <summary>Keeps an order row the step has just locked, unless it holds it already.</summary>
    internal void Hold(FilingOrderRow? order)
    {
        if (order is not null)
        {
            Orders.TryAdd(order.Id, order);
        }
    }

    /// <summary>Keeps the step's changed copy of a locked order, written once, whatever changed, when the step commits.</summary>
    public void Change(FilingOrderRow order, bool submitted = false)
    {
        Orders[order.Id] = order;
        _changedOrders[order.Id] = _changedOrders.GetValueOrDefault(order.Id) || submitted;
    }

    /// <summary>
    /// The order row, locked (FOR UPDATE) on first use and kept for the step; every step locks its
    /// order before anything else, so steps on one order run one after another.
    /// </summary>
    public async Task<FilingOrderRow?> LockOrderAsync(Guid orderId)
    {
        if (Orders.TryGetValue(orderId, out var order))
        {
            return order;
        }

        order = await FilingOrders.LoadAsync(Connection, null, orderId, true, CancellationToken);
        if (order is not null)
        {
            Orders[orderId] = order;
        }

        return order;
    }
}

/// <summary>Side effects enqueued in the step's own transaction: they happen once if it commits, never if not.</summary>
public interface ISideEffects
{
    void SubmitToBureau(Guid orderId, int attempt);

    void SendNotification(Guid messageId);

    /// <summary>Schedules the job that fires a timer <paramref name="delay"/> from now.</summary>
    void FireTimer(Guid bookmarkId, Guid orderId, TimeSpan delay);
}
