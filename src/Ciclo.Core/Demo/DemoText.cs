namespace Ciclo.Demo;

/// <summary>
/// Survey verbatims in English, Italian and Arabic, positive (promoters), neutral (passives) and
/// negative (detractors). Some carry commas, quotes or line breaks, to exercise CSV quoting.
/// </summary>
internal static class DemoText
{
    public const int Positive = 0;
    public const int Neutral = 1;
    public const int Negative = 2;

    private static readonly string[][] English =
    [
        [
            "Onboarding was quick and the support team answered within the hour.",
            "The churn dashboard finally gives our board a number everyone trusts.",
            "We replaced three spreadsheets with Ciclo, and nobody misses them.",
            "Great product. The \"Expansion\" view paid for itself in the first quarter.",
            "Support is fast, friendly and actually knows the product.",
            "Reports are clear, the exports are clean, and my CFO is happy.",
            "Easy to set up, easy to explain to sales.",
            "I recommend it to every marketing ops person I meet.",
            "The NPS breakdown by segment changed how we plan renewals.",
            "Solid tool, great roadmap, and they listen to feedback.",
            "Two things I love:\n- the cohort charts\n- the weekly e-mail summary",
            "The Salesforce integration just works, and the invoices are always right.",
        ],
        [
            "It does the job, but the setup took longer than expected.",
            "Good overall. Pricing is a bit high for a team our size.",
            "Useful reports, although I'd like more control over the charts.",
            "Fine for now; we'll see how it scales as we grow.",
            "The data import is OK, but error messages could be clearer.",
            "Decent product. Some features feel unfinished.",
            "We mostly use the churn report, the rest is \"nice to have\".",
            "Support is responsive, but answers sometimes take a few rounds.",
            "Works well, though the mobile view needs some love.",
            "Not bad. I'd rate it higher with a proper API for our BI team.",
            "Pages load slowly at month end, otherwise reliable.",
        ],
        [
            "Too expensive for what we actually use.",
            "The import failed twice last month and nobody could tell us why.",
            "Support took a week to reply to a billing question.",
            "Numbers don't match our CRM, so the team stopped trusting the dashboards.",
            "Hard to use, and the training sessions were too generic.",
            "We were promised a Salesforce connector in Q1. Still waiting.",
            "Slow, confusing, and the renewal price went up 15% without warning.",
            "Missing basic features, e.g. custom fiscal years.",
            "I'd say \"fine\" if the reports loaded in less than a minute.",
            "Honestly disappointed.\nThe product is OK, but account management has been poor since our CSM left.",
        ],
    ];

    private static readonly string[][] Italian =
    [
        [
            "Ottimo strumento, il supporto risponde sempre in giornata.",
            "Finalmente un cruscotto sul churn di cui si fida anche la direzione.",
            "Facile da configurare, e il team l'ha adottato subito.",
            "I report sono chiari, precisi e pronti da condividere.",
            "Lo consiglio a chiunque lavori nel marketing B2B.",
            "La vista \"Espansione\" ci ha aiutato a trovare nuove opportunità di upsell.",
            "Assistenza eccellente, competente e molto gentile.",
            "Abbiamo sostituito tre fogli Excel con un solo strumento, che sollievo!",
            "Prodotto solido, e le novità arrivano con regolarità.",
            "L'NPS per segmento è esattamente ciò che cercavamo.",
            "Cosa mi piace di più:\n- i grafici per coorte\n- il riepilogo settimanale via e-mail",
            "L'integrazione con HubSpot funziona alla perfezione e la piattaforma non si blocca mai.",
        ],
        [
            "Fa il suo lavoro, ma la configurazione iniziale è stata lunga.",
            "Buono nel complesso, anche se il prezzo è un po' alto per noi.",
            "Report utili, però vorrei più libertà nella personalizzazione.",
            "Va bene per ora, vedremo quando cresceremo.",
            "L'importazione dei dati funziona, ma i messaggi di errore sono poco chiari.",
            "Discreto. Alcune funzioni sembrano ancora incomplete.",
            "Usiamo soprattutto il report sul churn, il resto è \"carino\" ma non essenziale.",
            "Il supporto risponde, ma a volte servono più scambi per risolvere.",
            "Funziona bene, anche se la versione mobile andrebbe migliorata.",
            "Il rapporto qualità prezzo è giusto, ma la fatturazione annuale è poco flessibile.",
        ],
        [
            "Troppo caro per quello che usiamo davvero.",
            "L'importazione si è bloccata due volte e nessuno ci ha spiegato il perché.",
            "Il supporto ci ha messo una settimana a rispondere.",
            "I numeri non coincidono con il CRM, quindi il team non si fida più.",
            "Difficile da usare, e la formazione è stata troppo generica.",
            "Ci avevano promesso l'integrazione con Salesforce, stiamo ancora aspettando.",
            "Lento, poco intuitivo, e al rinnovo il prezzo è aumentato senza preavviso.",
            "Mancano funzioni di base, per esempio l'anno fiscale personalizzato.",
            "La fattura di marzo era sbagliata e il rimborso è arrivato dopo due mesi.",
            "Sinceramente deluso.\nIl prodotto è discreto, ma da quando è cambiato il referente nessuno ci segue più.",
        ],
    ];

    private static readonly string[][] Arabic =
    [
        [
            "أداة ممتازة، وفريق الدعم يرد دائماً في نفس اليوم.",
            "أخيراً لدينا لوحة لمعدل التسرب تثق بها الإدارة.",
            "سهل الإعداد، وقد اعتمده فريقنا بسرعة.",
            "التقارير واضحة ودقيقة وجاهزة للمشاركة.",
            "أنصح به كل من يعمل في التسويق بين الشركات.",
            "ساعدتنا شاشة \"التوسع\" على اكتشاف فرص بيع إضافية.",
            "خدمة عملاء رائعة، محترفة ولطيفة جداً.",
            "استبدلنا ثلاثة جداول بيانات بأداة واحدة، يا له من ارتياح!",
            "منتج متين، والتحديثات تصل بانتظام.",
            "قياس صافي نقاط الترويج حسب الشريحة هو بالضبط ما كنا نحتاجه.",
            "أكثر ما يعجبني:\n- الرسوم البيانية للأفواج\n- الملخص الأسبوعي عبر البريد",
            "الربط مع سيلزفورس يعمل بدون أي مشكلة، والنظام مستقر جداً.",
        ],
        [
            "يؤدي الغرض، لكن الإعداد الأولي استغرق وقتاً طويلاً.",
            "جيد بشكل عام، مع أن السعر مرتفع قليلاً بالنسبة لنا.",
            "التقارير مفيدة، لكنني أود مزيداً من التحكم في الرسوم البيانية.",
            "مناسب حالياً، وسنرى كيف يتطور مع نمونا.",
            "استيراد البيانات يعمل، لكن رسائل الخطأ غير واضحة.",
            "منتج مقبول. بعض الميزات تبدو غير مكتملة.",
            "نستخدم تقرير التسرب أساساً، والباقي \"إضافات لطيفة\".",
            "الدعم يستجيب، لكن حل المشكلة يحتاج أحياناً إلى عدة مراسلات.",
            "يعمل جيداً، لكن الواجهة العربية تحتاج إلى تحسين.",
            "النظام مستقر غالباً، لكن يصير بطء وقت الذروة.",
        ],
        [
            "مكلف جداً مقارنة بما نستخدمه فعلاً.",
            "فشل الاستيراد مرتين ولم يشرح لنا أحد السبب.",
            "استغرق الدعم أسبوعاً للرد على سؤال بسيط عن الفاتورة.",
            "الأرقام لا تتطابق مع نظام إدارة العملاء، لذلك توقف الفريق عن الثقة بها.",
            "صعب الاستخدام، والتدريب كان عاماً جداً.",
            "وعدونا بالتكامل مع Salesforce، وما زلنا ننتظر.",
            "بطيء ومربك، وارتفع السعر عند التجديد دون إشعار مسبق.",
            "تنقصه ميزات أساسية، مثل السنة المالية المخصصة.",
            "المنصة تتوقف كل أسبوع والتقارير بطيئة جداً، ومدير الحساب لا يرد.",
            "بصراحة، خاب أملي.\nالمنتج مقبول، لكن متابعة مدير الحساب ضعيفة منذ رحيله.",
        ],
    ];

    /// <summary>A verbatim in the language (en, it, ar) with the sentiment; sometimes two sentences.</summary>
    public static string Comment(string language, int sentiment, Random rng)
    {
        var pool = (language switch { "it" => Italian, "ar" => Arabic, _ => English })[sentiment];
        var first = rng.Pick(pool);
        if (first.Contains('\n', StringComparison.Ordinal) || !rng.Chance(0.2))
        {
            return first;
        }

        var second = rng.Pick(pool);
        return second == first || second.Contains('\n', StringComparison.Ordinal) ? first : first + " " + second;
    }
}
