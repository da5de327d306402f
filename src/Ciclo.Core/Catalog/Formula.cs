namespace Ciclo.Catalog;

/// <summary>How a metric is computed from measures and other metrics, after aggregation.
/// Division by zero and any null operand give null, never 0.</summary>
public abstract record Formula
{
    public static Formula operator +(Formula a, Formula b) => new Arithmetic('+', a, b);
    public static Formula operator -(Formula a, Formula b) => new Arithmetic('-', a, b);
    public static Formula operator *(Formula a, Formula b) => new Arithmetic('*', a, b);
    public static Formula operator /(Formula a, Formula b) => new Arithmetic('/', a, b);
    public static implicit operator Formula(double value) => new Constant(value);
}

/// <summary>A measure's value (sums and counts over no rows are 0) or another metric's value.</summary>
public sealed record Ref(string Id) : Formula;

public sealed record Constant(double Value) : Formula;

public sealed record Arithmetic(char Operator, Formula Left, Formula Right) : Formula;

public sealed record SquareRoot(Formula Operand) : Formula;
