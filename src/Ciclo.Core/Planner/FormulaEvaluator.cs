using Ciclo.Catalog;

namespace Ciclo.Planner;

/// <summary>Evaluates formulas over one period's measure values: null in, null out; a division
/// by zero is null.</summary>
public sealed class FormulaEvaluator(IReadOnlyDictionary<string, double?> measures, IReadOnlySet<string> unavailable)
{
    public bool CanEvaluate(Formula formula) => formula switch
    {
        Ref r when Measures.Find(r.Id) is not null => !unavailable.Contains(r.Id),
        Ref r => Metrics.Find(r.Id) is { } m && CanEvaluate(m.Formula),
        Arithmetic a => CanEvaluate(a.Left) && CanEvaluate(a.Right),
        SquareRoot s => CanEvaluate(s.Operand),
        _ => true,
    };

    public double? Evaluate(Formula formula) => formula switch
    {
        Constant c => c.Value,
        Ref r when Measures.Find(r.Id) is not null => measures.GetValueOrDefault(r.Id),
        Ref r => Evaluate(Metrics.Find(r.Id)!.Formula),
        SquareRoot s => Evaluate(s.Operand) is { } v && v >= 0 ? Math.Sqrt(v) : null,
        Arithmetic a => Apply(a.Operator, Evaluate(a.Left), Evaluate(a.Right)),
        _ => throw new NotSupportedException(formula.GetType().Name),
    };

    private static double? Apply(char op, double? left, double? right)
    {
        if (left is not { } l || right is not { } r)
        {
            return null;
        }

        return op switch
        {
            '+' => l + r,
            '-' => l - r,
            '*' => l * r,
            '/' => r == 0 ? null : l / r,
            _ => throw new NotSupportedException(op.ToString()),
        };
    }
}
