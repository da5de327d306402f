namespace Ciclo.Dialects;

/// <summary>Strictly increasing row versions for engines that upsert by inserting a newer version.</summary>
public static class Versions
{
    private static long _last;

    public static long Next()
    {
        var now = DateTime.UtcNow.Ticks;
        long last, next;
        do
        {
            last = Interlocked.Read(ref _last);
            next = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref _last, next, last) != last);
        return next;
    }
}
