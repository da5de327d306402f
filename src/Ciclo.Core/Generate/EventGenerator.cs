using Ciclo.Demo;

namespace Ciclo.Generate;

/// <summary>
/// campaign_events for the generated e-mail campaigns. A customer campaign goes to distinct
/// contacts of the customers active on its day, a prospect campaign to distinct leads open then
/// and created in the 240 days before; each send has a burst of events within hours (sent,
/// bounced, machine and human opens, clicks, unsubscribes, complaints), like the demo's.
/// Distinct recipients are drawn by stepping through the pool with a stride coprime to its size.
/// </summary>
internal static class EventGenerator
{
    private static readonly int[] Strides = [7_919, 104_729, 1_299_709, 15_485_863, 32_452_843];
    private static readonly TimeSpan[] Offsets = [TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(-5), TimeSpan.FromHours(4)];

    /// <summary>Events per planned send on average (some planned recipients have churned or converted), used to size the campaigns for a target number of events.</summary>
    public const double EventsPerSend = 1.4;

    public static long Write(string path, DemoCalendar cal, List<GeneratedCampaign> campaigns, GeneratedCustomers customers,
        GeneratedLeads leads, Random rng)
    {
        using var csv = new DemoCsvWriter(path, "campaign_id", "contact_id", "customer_id", "event", "occurred_at", "machine_open");
        var end = cal.End;
        foreach (var k in campaigns.Where(k => k.IsEmail && k.Sends > 0))
        {
            var day = k.StartedOn;
            var (first, size) = k.ForCustomers
                ? (0, customers.FirstContact[customers.AcquiredBy(day)])
                : (leads.FirstOn(day - 240), leads.FirstOn(day + 1) - leads.FirstOn(day - 240));
            if (size == 0)
            {
                continue;
            }

            var stride = Strides.First(s => size % s != 0);
            var position = rng.Next(size);
            var send = new DateTimeOffset(DateOnly.FromDayNumber(day).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
            var count = Math.Min(k.Sends, size);
            for (var n = 0; n < count; n++)
            {
                position = (int)((position + (long)stride) % size);
                var index = first + position;
                string contact;
                string? customerId;
                if (k.ForCustomers)
                {
                    var c = customers.CustomerOfContact(index);
                    if (!customers.ActiveOn(c, day))
                    {
                        continue;
                    }

                    contact = GeneratedCustomers.Contact(c, index - customers.FirstContact[c] + 1);
                    customerId = GeneratedCustomers.Id(c);
                }
                else
                {
                    if (!leads.OpenOn(index, day))
                    {
                        continue;
                    }

                    contact = GeneratedLeads.Contact(index);
                    customerId = null;
                }

                var offset = rng.Chance(0.65) ? TimeSpan.Zero : rng.Pick(Offsets);
                Send(csv, end, k.Id, contact, customerId, send.AddSeconds(rng.Next(0, 4 * 3600)), offset, k.ForCustomers, rng);
            }
        }

        return csv.Rows;
    }

    private static void Send(DemoCsvWriter csv, DateTimeOffset end, string campaign, string contact, string? customer,
        DateTimeOffset sent, TimeSpan offset, bool forCustomers, Random rng)
    {
        void Emit(string evt, DateTimeOffset at, bool? machine)
        {
            if (at <= end)
            {
                csv.Text(campaign).Text(contact).Text(customer).Text(evt).Timestamp(at, offset)
                    .Text(machine is { } m ? (m ? "true" : "false") : null).EndRow();
            }
        }

        Emit("sent", sent, null);
        if (rng.Chance(0.035))
        {
            Emit("bounced", sent.AddSeconds(rng.Next(5, 300)), null);
            return;
        }

        var last = sent;
        if (rng.Chance(0.25))
        {
            last = sent.AddSeconds(rng.Next(20, 600));
            Emit("opened", last, true);
        }

        if (rng.Chance(forCustomers ? 0.27 : 0.2))
        {
            var open = last.AddSeconds(60 + (int)Math.Min(5 * 86400, -Math.Log(1.0 - rng.NextDouble()) * 10 * 3600));
            Emit("opened", open, false);
            if (rng.Chance(0.2))
            {
                Emit("opened", open.AddSeconds(rng.Next(600, 86400)), false);
            }

            if (rng.Chance(forCustomers ? 0.3 : 0.2))
            {
                Emit("clicked", open.AddSeconds(rng.Next(5, 900)), null);
            }

            last = open;
        }

        if (rng.Chance(0.006))
        {
            Emit("unsubscribed", last.AddSeconds(rng.Next(30, 3000)), null);
        }
        else if (rng.Chance(0.0015))
        {
            Emit("complained", last.AddSeconds(rng.Next(30, 3000)), null);
        }
    }
}
