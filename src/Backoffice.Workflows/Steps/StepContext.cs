using Backoffice.Workflows.Bookmarks;
using Backoffice.Workflows.Filings;
using Backoffice.Workflows.Instances;
using Backoffice.Workflows.Scheduling;
using Npgsql;

namespace Backoffice.Workflows.Steps;

/// <summary>
/// What one engine step runs with: the connection enlisted in the step's transaction, the time of
/// the step, who caused it, the working-day calendar, the side-effect queue of this transaction,
/// the writes sent at commit, and what the step holds: the orders it locked, the instances it read
/// or started, and the bookmarks it saw waiting or consumed.
/// </summary>
public sealed record StepContext(
    NpgsqlConnection Connection, DateTimeOffset Now, string Actor, WorkingCalendar Calendar, CancellationToken CancellationToken)
{
    private readonly Dictionary<Guid, FilingOrderRow> _orders = [];

    /// <summary>Orders the step changed (status, filing numbers, public-security number), and whether it submitted them: saved once each at commit.</summary>
    private readonly Dictionary<Guid, bool> _changedOrders = [];

    /// <summary>Instances this step read (under their order's lock) or started; saved once each, row version checked, when the step commits.</summary>
    private readonly Dictionary<Guid, WorkflowInstance> _instances = [];

    private readonly HashSet<Guid> _consumedBookmarks = [];

    /// <summary>Bookmarks read by this step while it held their order's lock: they wait unless the step consumed them.</summary>
    private readonly HashSet<Guid> _waitingBookmarks = [];

    private HangfireJobRows? _sideEffects;

    /// <summary>The step's writes, sent with its COMMIT; the engine's own go through <see cref="Write"/>.</summary>
    public DeferredWrites Writes { get; } = new();

    /// <summary>The Hangfire jobs of this step, written with its other writes at commit.</summary>
    public ISideEffects SideEffects => _sideEffects ??= new HangfireJobRows(Writes);

    /// <summary>The orders the step holds locked.</summary>
    internal IEnumerable<FilingOrderRow> Orders => _orders.Values;

    /// <summary>The instances the step holds.</summary>
    internal IEnumerable<WorkflowInstance> Instances => _instances.Values;

    /// <summary>Sends <paramref name="write"/> with the step's other writes, when it commits.</summary>
    public void Write(EngineWrite write) => Writes.Add(write);

    /// <summary>Saves the step's orders and instances and sends its writes with the COMMIT, in one round trip.</summary>
    public Task CommitAsync()
    {
        foreach (var (orderId, submitted) in _changedOrders)
        {
            Write(new SaveOrder(_orders[orderId], Now, submitted));
        }

        foreach (var instance in _instances.Values)
        {
            Write(new SaveInstance(instance, Now));
        }

        return Writes.FlushAsync(Connection, commit: true, CancellationToken);
    }

    /// <summary>Whether the step holds the order's lock.</summary>
    internal bool Holds(Guid orderId) => _orders.ContainsKey(orderId);

    /// <summary>Keeps an order row the step has just locked, unless it holds it already.</summary>
    internal void Hold(FilingOrderRow? order)
    {
        if (order is not null)
        {
            _orders.TryAdd(order.Id, order);
        }
    }

    /// <summary>Keeps the step's changed copy of a locked order, written once, whatever changed, when the step commits.</summary>
    public void Change(FilingOrderRow order, bool submitted = false)
    {
        _orders[order.Id] = order;
        _changedOrders[order.Id] = _changedOrders.GetValueOrDefault(order.Id) || submitted;
    }

    /// <summary>
    /// The order row, locked (FOR UPDATE) on first use and kept for the step; every step locks its
    /// order before anything else, so steps on one order run one after another.
    /// </summary>
    public async Task<FilingOrderRow?> LockOrderAsync(Guid orderId)
    {
        if (_orders.TryGetValue(orderId, out var order))
        {
            return order;
        }

        order = await FilingOrders.LoadAsync(Connection, null, orderId, true, CancellationToken);
        Hold(order);
        return order;
    }

    /// <summary>The instance as the step holds it, or null when the step has not read it.</summary>
    internal WorkflowInstance? Held(Guid instanceId) => _instances.GetValueOrDefault(instanceId);

    /// <summary>Keeps an instance the step read or started, unless it holds it already: it is saved when the step commits.</summary>
    internal WorkflowInstance Keep(WorkflowInstance instance) =>
        _instances.TryAdd(instance.Id, instance) ? instance : _instances[instance.Id];

    /// <summary>Starts <paramref name="instance"/>: inserted with the step's writes, held and saved like the instances it read.</summary>
    internal void Start(WorkflowInstance instance)
    {
        Write(new StartInstance(instance, Now));
        _instances[instance.Id] = instance;
    }

    /// <summary>Notes a bookmark read while the step held its order's lock: it waits unless the step consumes it.</summary>
    internal void SawWaiting(Guid bookmarkId) => _waitingBookmarks.Add(bookmarkId);

    /// <summary>True or false when the step knows whether the bookmark still waits (it saw it waiting, or consumed it); null otherwise.</summary>
    internal bool? Waits(Guid bookmarkId) =>
        _consumedBookmarks.Contains(bookmarkId) ? false : _waitingBookmarks.Contains(bookmarkId) ? true : null;

    /// <summary>Consumes the bookmark with the step's writes (the caller holds the order lock and saw it waiting).</summary>
    internal void Consume(Guid bookmarkId)
    {
        _consumedBookmarks.Add(bookmarkId);
        Write(new ConsumeBookmark(bookmarkId));
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
