using Backoffice.Workflows.Definitions;

namespace Backoffice.Web.Features.Operations;

/// <summary>
/// An instance's version drawn as columns by distance from the start, its path highlighted: the steps it
/// went through, the connections between them, and the steps it is at now (or failed at).
/// </summary>
public sealed class InstanceGraph
{
    public const int NodeWidth = 150;
    public const int NodeHeight = 44;
    private const int ColumnGap = 60;
    private const int RowGap = 22;
    private const int Margin = 12;

    public sealed record Node(string Id, string Name, double X, double Y, bool Visited, bool Current);

    public sealed record Edge(string Path, bool Taken);

    public IReadOnlyList<Node> Nodes { get; }

    public IReadOnlyList<Edge> Edges { get; }

    public double Width { get; }

    public double Height { get; }

    public InstanceGraph(WorkflowDefinition definition, IReadOnlySet<string> visited, IReadOnlySet<string> current)
    {
        var column = new Dictionary<string, int> { [definition.Start] = 0 };
        var queue = new Queue<string>([definition.Start]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var next in definition.Connections.Where(c => c.Source == id).Select(c => c.Target).Where(t => !column.ContainsKey(t)))
            {
                column[next] = column[id] + 1;
                queue.Enqueue(next);
            }
        }

        foreach (var unreached in definition.Activities.Where(a => !column.ContainsKey(a.Id)))
        {
            column[unreached.Id] = column.Count == 0 ? 0 : column.Values.Max() + 1;
        }

        var rows = new Dictionary<int, int>();
        var nodes = new List<Node>();
        foreach (var activity in definition.Activities.OrderBy(a => column[a.Id]))
        {
            var c = column[activity.Id];
            var r = rows[c] = rows.GetValueOrDefault(c, -1) + 1;
            nodes.Add(new Node(activity.Id, activity.Name ?? activity.Id, Margin + (c * (NodeWidth + ColumnGap)), Margin + (r * (NodeHeight + RowGap)),
                visited.Contains(activity.Id), current.Contains(activity.Id)));
        }

        var at = nodes.ToDictionary(n => n.Id);
        Edges = [.. definition.Connections.Where(c => at.ContainsKey(c.Source) && at.ContainsKey(c.Target)).Select(c => Draw(at[c.Source], at[c.Target]))];
        Nodes = nodes;
        Width = (Margin * 2) + ((column.Values.Max() + 1) * (NodeWidth + ColumnGap));
        Height = (Margin * 2) + ((rows.Values.Max() + 1) * (NodeHeight + RowGap));
    }

    /// <summary>Forward connections run right; a connection back (a resubmission) arcs below both steps.</summary>
    private static Edge Draw(Node from, Node to)
    {
        var taken = from.Visited && (to.Visited || to.Current);
        if (to.X > from.X)
        {
            var (x1, y1, x2, y2) = (from.X + NodeWidth, from.Y + (NodeHeight / 2), to.X, to.Y + (NodeHeight / 2));
            var mid = (x1 + x2) / 2;
            return new Edge(FormattableString.Invariant($"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}"), taken);
        }

        var (sx, sy, tx, ty) = (from.X + (NodeWidth / 2), from.Y + NodeHeight, to.X + (NodeWidth / 2), to.Y + NodeHeight);
        var low = Math.Max(sy, ty) + (RowGap * 0.8);
        return new Edge(FormattableString.Invariant($"M{sx},{sy} C{sx},{low} {tx},{low} {tx},{ty}"), taken);
    }
}
