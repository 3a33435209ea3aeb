namespace Backoffice.Workflows.Definitions;

/// <summary>Graph-wide checks: every activity reachable from the start; no cycle without a waiting step.</summary>
internal static class GraphChecks
{
    public static void CheckReachability(WorkflowDefinition definition, List<DefinitionError> errors)
    {
        var reached = new HashSet<string>();
        var queue = new Queue<string>();
        if (definition.Find(definition.Start) is not null)
        {
            queue.Enqueue(definition.Start);
        }

        while (queue.TryDequeue(out var id))
        {
            if (!reached.Add(id))
            {
                continue;
            }

            foreach (var next in definition.Connections.Where(c => c.Source == id))
            {
                queue.Enqueue(next.Target);
            }
        }

        foreach (var activity in definition.Activities.Where(a => !reached.Contains(a.Id)))
        {
            errors.Add(new(activity.Id, DefinitionErrorCodes.Unreachable, "从起始活动无法到达该活动 / Activity cannot be reached from the start"));
        }
    }

    /// <summary>Finds strongly connected components among non-blocking activities (Tarjan); any loop there spins forever.</summary>
    public static void CheckBlockingFreeCycles(WorkflowDefinition definition, List<DefinitionError> errors)
    {
        var nonBlocking = definition.Activities
            .Where(a => ActivityTypes.Find(a.Type) is { Blocking: false })
            .Select(a => a.Id).ToHashSet();
        var edges = definition.Connections
            .Where(c => nonBlocking.Contains(c.Source) && nonBlocking.Contains(c.Target))
            .GroupBy(c => c.Source).ToDictionary(g => g.Key, g => g.Select(c => c.Target).Distinct().ToList());
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var counter = 0;

        void Visit(string v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in edges.GetValueOrDefault(v, []))
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] != index[v])
            {
                return;
            }

            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != v);

            if (component.Count > 1 || edges.GetValueOrDefault(v, []).Contains(v))
            {
                foreach (var id in component.Order(StringComparer.Ordinal))
                {
                    errors.Add(new(id, DefinitionErrorCodes.BlockingFreeCycle,
                        $"循环中没有等待步骤，会无限执行 / Cycle without a waiting step: {string.Join(" → ", component.Order(StringComparer.Ordinal))}"));
                }
            }
        }

        foreach (var id in nonBlocking.Where(id => !index.ContainsKey(id)).Order(StringComparer.Ordinal))
        {
            Visit(id);
        }
    }
}
