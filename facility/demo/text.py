"""Demo content for Manor Hill Recovery Center: the facility, its services, pages and posts.

Pure data, written for this project, loaded by the ``load_demo`` management command.
Rich text is HTML as CKEditor 4 writes it; internal links use the site's public paths.
Picture names (``image_theme``, ``scene``) refer to ``facility.demo.pictures``.
``{retention_days}`` in a page stands for the CONTACT_MESSAGE_RETENTION_DAYS setting.
"""

FACILITY = {
    "name": "Manor Hill Recovery Center",
    "tagline": (
        "Medically supported detox and residential treatment in Findlay, Ohio, with someone to "
        "answer your call at any hour."
    ),
    "about": (
        "Manor Hill Recovery Center is a residential detox and inpatient treatment center for drug "
        "and alcohol use in Findlay, Ohio. We offer evidence-based care at an affordable rate, and "
        "our admissions team answers the phone day and night, every day of the year."
    ),
    "street": "1800 Manor Hill Road",
    "city": "Findlay",
    "state": "OH",
    "postal_code": "45840",
    "phone": "1-855-605-2135",
    "email": "admissions@manorhillrecovery.example",
    "latitude": "41.0680",
    "longitude": "-83.6110",
}

# In display order.
HOURS = [
    {"days": "weekdays", "is_24_hours": True},
    {"days": "saturdays", "is_24_hours": True},
    {"days": "sundays", "is_24_hours": True},
    {"days": "holidays", "is_24_hours": True},
]

CATEGORIES = [
    {
        "name": "Recovery",
        "slug": "recovery",
        "description": (
            "Ideas and encouragement for the weeks, months and years after treatment begins."
        ),
    },
    {
        "name": "For Families",
        "slug": "families",
        "description": (
            "Guidance for the parents, partners, children and friends of someone who is struggling."
        ),
    },
    {
        "name": "Treatment",
        "slug": "treatment",
        "description": (
            "Plain answers about detox, residential care and what to expect when you arrive."
        ),
    },
]

# In display order.
SERVICES = [
    {
        "name": "Medical Detox",
        "slug": "medical-detox",
        "summary": (
            "Round-the-clock medical care to help you through withdrawal from alcohol or drugs as "
            "safely and comfortably as possible."
        ),
        "search_description": (
            "Medically supervised detox from alcohol and drugs in Findlay, Ohio, with nursing care "
            "24 hours a day."
        ),
        "body": (
            "<p>For many people, the first step in recovery is getting through withdrawal safely. "
            "Our medical detox program gives you a calm place to do that, with nurses and medical "
            "staff on site around the clock. You will not be left to ride out symptoms alone.</p>"
            "<h2>What to expect</h2>"
            "<p>When you arrive, a member of our medical team will ask about your health, your "
            "substance use and any medications you take. This helps us understand what withdrawal "
            "may look like for you and plan your care. Throughout detox, staff check on you "
            "regularly and adjust your care as your needs change.</p>"
            "<ul><li>A medical assessment when you arrive</li>"
            "<li>Regular checks of vital signs and symptoms, day and night</li>"
            "<li>Medication to ease withdrawal when a clinician decides it is appropriate</li>"
            "<li>Meals, fluids and a quiet, comfortable room to rest</li>"
            "<li>Counseling support and time to talk about what comes next</li></ul>"
            "<h2>Who detox is for</h2>"
            "<p>Medical detox may be right for you if you drink or use every day, have tried to "
            "stop and felt unwell, have had seizures or severe symptoms in the past, or use more "
            "than one substance. Withdrawal from alcohol and from sedatives such as "
            "benzodiazepines can be dangerous without medical care, so please talk with a medical "
            "professional before stopping suddenly.</p>"
            "<h2>How long it takes</h2>"
            "<p>The length of detox depends on the substances involved, how long you have been "
            "using them and your overall health. Some people are ready to move on within a few "
            "days; others need more time. We will not rush you, and we will keep you informed "
            "along the way.</p>"
            "<h2>After detox</h2>"
            "<p>Detox helps your body stabilize, but it is only the beginning. It does not, on its "
            "own, address the reasons substance use took hold. Before detox ends, we will talk "
            'with you about continuing into <a href="/services/">residential treatment</a>, where '
            "you can work on those deeper causes and build skills for staying well.</p>"
            "<p>If you are in immediate danger, call 911. Otherwise, call us at 1-855-605-2135, "
            "day or night, to talk about whether medical detox is the right place for you to "
            "start.</p>"
        ),
    },
    {
        "name": "Residential Inpatient Treatment",
        "slug": "residential-inpatient-treatment",
        "summary": (
            "A structured, supportive place to live and heal while you build the skills and habits "
            "for lasting recovery."
        ),
        "search_description": (
            "Residential inpatient drug and alcohol treatment in Findlay, Ohio: therapy, structure "
            "and 24-hour support in a calm setting."
        ),
        "body": (
            "<p>Residential treatment gives you time and space away from everyday pressures to "
            "focus on recovery. You live at the center, follow a daily routine and take part in "
            "therapy, education and peer support, with staff available 24 hours a day.</p>"
            "<h2>A steady daily rhythm</h2>"
            "<p>Each day includes group sessions, individual counseling, meals together, time "
            "outdoors and time to rest. The structure is intentional. It helps your body and mind "
            "recover from the disruption substance use causes, and it lets you practice healthy "
            "routines you can take home with you.</p>"
            "<h2>What the program includes</h2>"
            "<ul><li>A personal treatment plan built with your care team</li>"
            "<li>Individual therapy and daily group sessions</li>"
            "<li>Education about addiction, cravings and relapse prevention</li>"
            "<li>Medical and nursing care, including help managing medications</li>"
            "<li>Screening for mental health needs such as anxiety and depression</li>"
            "<li>Family involvement, when you choose it</li>"
            "<li>A plan for continuing care after you leave</li></ul>"
            "<h2>Evidence-based care</h2>"
            "<p>Our counselors use approaches that research has shown can help people change their "
            "relationship with alcohol and drugs, such as cognitive behavioral therapy and "
            "motivational interviewing. These approaches focus on practical skills: noticing "
            "patterns, coping with stress and cravings, and making choices that line up with what "
            "matters to you.</p>"
            "<h2>A comfortable, respectful setting</h2>"
            "<p>Residents share a calm, home-like space with bedrooms, a dining room, a lounge and "
            "a garden. We treat every person with dignity, whatever their history. You can see "
            'some of these spaces on our <a href="/tour/">facility tour</a>.</p>'
            "<h2>How long you stay</h2>"
            "<p>Length of stay is based on your needs and progress, and on what your coverage "
            "allows. Your care team will review your plan with you regularly and talk openly about "
            "next steps.</p>"
            "<p>Ready to learn more? Call us at 1-855-605-2135 at any hour, or <a "
            'href="/contact/">send us a message</a>.</p>'
        ),
    },
    {
        "name": "Individual and Group Therapy",
        "slug": "individual-and-group-therapy",
        "summary": (
            "One-on-one counseling and small therapy groups that help you understand your "
            "substance use and build practical coping skills."
        ),
        "search_description": (
            "Individual counseling and group therapy for addiction recovery at Manor Hill Recovery "
            "Center in Findlay, Ohio."
        ),
        "body": (
            "<p>Therapy is at the heart of residential treatment. It is where you make sense of "
            "what has happened, discover what keeps you stuck and practice new ways to respond. At "
            "Manor Hill, therapy happens both one-on-one and in small groups, because each offers "
            "something the other cannot.</p>"
            "<h2>Individual therapy</h2>"
            "<p>In individual sessions, you meet privately with a counselor who gets to know your "
            "story. Together you set goals, explore the role alcohol or drugs have played in your "
            "life and work on the issues that feel too personal for a group, such as grief, trauma "
            "or strained relationships. Your counselor also helps you shape a plan for life after "
            "treatment.</p>"
            "<h2>Group therapy</h2>"
            "<p>Groups bring together a small number of residents with a trained counselor. Many "
            "people feel nervous about groups at first, and that is normal. Over time, most find "
            "that hearing others describe their own experiences eases shame and isolation, and "
            "that offering support feels as meaningful as receiving it. You can share at your own "
            "pace.</p>"
            "<h3>Topics our groups cover</h3>"
            "<ul><li>Understanding triggers and cravings</li>"
            "<li>Managing stress, anger and difficult emotions</li>"
            "<li>Healthy communication and setting boundaries</li>"
            "<li>Relapse prevention and early warning signs</li>"
            "<li>Rebuilding routines, relationships and a sense of purpose</li></ul>"
            "<h2>Our approach</h2>"
            "<p>Our counselors draw on evidence-based methods such as cognitive behavioral "
            "therapy, which helps you notice and change unhelpful patterns of thinking, and "
            "motivational interviewing, which helps you find and strengthen your own reasons for "
            "change. We meet you where you are, without lectures or labels.</p>"
            "<p>Have questions about what therapy looks like here? Call us at 1-855-605-2135. We "
            "are glad to talk, any time of day or night.</p>"
        ),
    },
    {
        "name": "Family Program",
        "slug": "family-program",
        "summary": (
            "Education and support that help families understand addiction, heal together and "
            "prepare for life after treatment."
        ),
        "search_description": (
            "A family program for loved ones of people in addiction treatment: education, family "
            "sessions and support in Findlay, Ohio."
        ),
        "body": (
            "<p>Addiction affects everyone who loves the person who is struggling. Parents, "
            "partners, children and close friends often carry fear, anger, guilt and exhaustion "
            "for a long time before treatment begins. Our family program offers them a place to "
            "learn, ask questions and begin to heal too.</p>"
            "<h2>How families take part</h2>"
            "<p>With the resident's consent, family members can be involved in several ways. The "
            "right mix depends on your family's situation, the distance you live from us and your "
            "schedule.</p>"
            "<ul><li>Education sessions about addiction, treatment and recovery</li>"
            "<li>Family therapy sessions guided by a counselor</li>"
            "<li>Scheduled visits and phone time</li>"
            "<li>Help planning for the return home, including boundaries and expectations</li>"
            "<li>Suggestions for support groups and resources for family members</li></ul>"
            "<h2>What families often learn</h2>"
            "<p>Many families tell us it helped to understand that addiction is a health "
            "condition, not a simple failure of willpower. They learn the difference between "
            "supporting someone and rescuing them, how to talk about difficult things without "
            "blame, and how to notice warning signs without living in constant alarm.</p>"
            "<h2>Your privacy and your loved one's</h2>"
            "<p>Federal law protects the privacy of people in substance use treatment. We can "
            "share information about a resident only with their written permission. Even without "
            "it, we are always glad to listen to your concerns and explain how our program "
            "works.</p>"
            "<h2>Caring for yourself</h2>"
            "<p>Family members deserve support in their own right, whether or not their loved one "
            "is ready for treatment. Looking after your own health, sleep and relationships is not "
            "selfish. It helps the whole family.</p>"
            "<p>If you are worried about someone you love, call us at 1-855-605-2135. We answer "
            "around the clock, and you do not need to have all the answers before you call.</p>"
        ),
    },
    {
        "name": "Aftercare Planning",
        "slug": "aftercare-planning",
        "summary": (
            "A clear, personal plan for the weeks after you leave, with appointments, supports and "
            "steps for handling hard days."
        ),
        "search_description": (
            "Aftercare and discharge planning after residential addiction treatment: follow-up "
            "care, support groups and relapse prevention."
        ),
        "body": (
            "<p>Recovery continues long after you leave our doors. Aftercare planning makes sure "
            "you go home with a clear path forward instead of a blank calendar. We start this work "
            "early in your stay, so there is time to set things up before discharge.</p>"
            "<h2>What your plan may include</h2>"
            "<ul>"
            "<li>Appointments with counselors, doctors or psychiatric providers near your home</li>"
            "<li>Referrals to intensive outpatient or partial hospitalization programs when more "
            "structure would help</li>"
            "<li>Support group options, in person or online, that fit your preferences</li>"
            "<li>Guidance on any medications and how to keep taking them safely</li>"
            "<li>A relapse prevention plan that names your triggers, warning signs and coping "
            "steps</li><li>People to call on a hard day, and crisis lines such as 988</li></ul>"
            "<h2>Built around your life</h2>"
            "<p>Your plan should fit the life you are going back to: your work, your family, your "
            "transportation and the community you live in. Your counselor will ask about these "
            "things and look for options that are realistic for you. If sober living or another "
            "supportive housing option makes sense, we can talk about that too.</p>"
            "<h2>The first days at home</h2>"
            "<p>Going home can feel exciting and unsettling at the same time. We encourage you to "
            "schedule your first follow-up appointment before you leave, so that something is "
            "already in place for your first week. Small routines, like regular meals and a set "
            "bedtime, also help steady those early days.</p>"
            "<h2>Staying connected</h2>"
            "<p>Former residents are welcome to call us if they are struggling or simply need to "
            "talk through a next step. Asking for help again is a sign of strength, not "
            "failure.</p>"
            "<p>To learn how aftercare planning works, call us at 1-855-605-2135, any day and any "
            "hour.</p>"
        ),
    },
    {
        "name": "Co-Occurring Mental Health Care",
        "slug": "co-occurring-mental-health-care",
        "summary": (
            "Attention to anxiety, depression, trauma and other mental health concerns that often "
            "go hand in hand with substance use."
        ),
        "search_description": (
            "Care for co-occurring mental health conditions and substance use, sometimes called "
            "dual diagnosis, in Findlay, Ohio."
        ),
        "body": (
            "<p>Substance use and mental health are often closely connected. Some people drink or "
            "use drugs to cope with anxiety, depression or painful memories. For others, substance "
            "use makes mental health symptoms worse. When both are present, they are called "
            "co-occurring conditions, or sometimes a dual diagnosis.</p>"
            "<h2>Why it matters to treat both</h2>"
            "<p>If only one part of the picture gets attention, the other can pull a person back. "
            "Untreated depression can make cravings harder to resist, and continued substance use "
            "can make anxiety or mood symptoms harder to manage. Looking at both together gives "
            "recovery firmer footing.</p>"
            "<h2>How we approach co-occurring conditions</h2>"
            "<ul><li>Screening for common mental health concerns when you arrive</li>"
            "<li>A further evaluation when screening suggests a need</li>"
            "<li>Help managing medications that are part of your care</li>"
            "<li>Therapy that addresses both substance use and emotional health</li>"
            "<li>Coordination with outside mental health providers when specialized care is "
            "needed</li><li>Aftercare plans that include ongoing mental health support</li></ul>"
            "<h2>You are not alone in this</h2>"
            "<p>Many residents live with anxiety, depression, the effects of trauma or trouble "
            "sleeping. These experiences are common, and they are not signs of weakness. Your care "
            "team will listen to you, explain your options and involve you in every decision about "
            "your treatment.</p>"
            "<h2>Safety comes first</h2>"
            "<p>If you are having thoughts of suicide or of harming yourself, please tell someone "
            "right away. You can call or text 988 to reach the 988 Suicide &amp; Crisis Lifeline "
            "at any hour. In an emergency, call 911.</p>"
            "<p>If you are wondering whether our program can support both your substance use and "
            "your mental health, call us at 1-855-605-2135. We will talk it through with you "
            "honestly.</p>"
        ),
    },
]

# Staff-edited pages, by slug.
PAGES = [
    {
        "slug": "who-we-are",
        "title": "Who We Are",
        "search_description": (
            "Manor Hill Recovery Center offers evidence-based detox and residential drug and "
            "alcohol treatment at an affordable rate in Findlay, Ohio."
        ),
        "body": (
            "<p>Manor Hill Recovery Center is a residential detox and inpatient treatment center "
            "for drug and alcohol use in Findlay, Ohio. We exist to give people a safe, respectful "
            "place to begin recovery, and to keep that care affordable so cost is less of a "
            "barrier to getting help.</p>"
            "<h2>What we believe</h2>"
            "<p>Addiction is a health condition, not a moral failing. People who struggle with "
            "alcohol or drugs deserve the same compassion and skilled care as anyone facing a "
            "serious illness. Recovery looks different for every person, and it rarely follows a "
            "straight line. We meet each person where they are and work alongside them.</p>"
            "<ul>"
            "<li><strong>Dignity.</strong> Everyone who comes through our doors is treated with "
            "respect, whatever their story.</li>"
            "<li><strong>Safety.</strong> Medical and nursing staff are on site around the "
            "clock.</li>"
            "<li><strong>Evidence.</strong> Our care is grounded in approaches supported by "
            "research.</li>"
            "<li><strong>Honesty.</strong> We explain what we can offer, what we cannot, and what "
            "comes next.</li>"
            "<li><strong>Connection.</strong> Families and communities are part of recovery, and "
            "we welcome them.</li></ul>"
            "<h2>What we offer</h2>"
            '<p>Our program brings together <a href="/services/">medical detox, residential '
            "treatment, individual and group therapy, a family program and aftercare planning</a>. "
            "Many people start in detox and move straight into residential care, so they can keep "
            "working with the same team in the same place. Before anyone leaves, we help them put "
            "a plan in place for continuing support close to home.</p>"
            "<h2>Our team</h2>"
            "<p>Our staff includes medical providers, nurses, counselors, case managers and "
            "support staff who chose this work because they believe people can change. Every one "
            "of them understands that asking for help takes courage, and that the person on the "
            "other end of the phone deserves patience and respect.</p>"
            "<h2>Our setting</h2>"
            "<p>The center sits at 1800 Manor Hill Road in Findlay, in a quiet spot with room to "
            "breathe. Inside, you will find comfortable bedrooms, a dining room where residents "
            "share meals, a lounge for evening conversation and group rooms filled with daylight. "
            "Outside, a garden with a walking path and benches offers space for reflection. You "
            'can see these places on our <a href="/tour/">facility tour</a>.</p>'
            "<h2>Here every hour of every day</h2>"
            "<p>Addiction does not keep business hours, and neither do we. Our phones are answered "
            "24 hours a day on weekdays, weekends and holidays. Whether you are calling for "
            "yourself or for someone you love, you will reach a person who is ready to listen.</p>"
            '<p>If you have questions about our program, <a href="/contact/">contact us</a> or '
            "call 1-855-605-2135. We would be glad to hear from you.</p>"
        ),
    },
    {
        "slug": "admissions",
        "title": "Admissions",
        "search_description": (
            "How admission works at Manor Hill Recovery Center: what happens when you call, what "
            "to bring, and checking your insurance coverage."
        ),
        "body": (
            "<p>Deciding to get help is a big step, and we want the next part to be as simple as "
            "possible. Our admissions team is available 24 hours a day, every day of the year, "
            "including weekends and holidays. You can call for yourself or on behalf of someone "
            "you care about.</p>"
            "<h2>What happens when you call</h2>"
            "<p>When you call 1-855-605-2135, you will speak with a member of our admissions team. "
            "The call is confidential, and there is no obligation to come in.</p>"
            "<ol>"
            "<li><strong>A short conversation.</strong> We will ask about the substances involved, "
            "how much and how often, your physical and mental health, and any medications you "
            "take. Answer as openly as you can; it helps us keep you safe.</li>"
            "<li><strong>Checking your coverage.</strong> With your permission, we will look into "
            "your insurance benefits or talk through self-pay options.</li>"
            "<li><strong>Deciding together.</strong> If our program is a good fit, we will find an "
            "admission time that works for you. If another kind of care would serve you better, we "
            "will help you find it.</li>"
            "<li><strong>Getting here.</strong> We will talk through travel plans and what to "
            "expect on the day you arrive.</li></ol>"
            "<h2>What to bring</h2>"
            "<ul><li>A photo ID and your insurance card, if you have one</li>"
            "<li>Your current medications in their original labeled containers, with a list of "
            "doses and prescribers</li>"
            "<li>About a week of comfortable clothing, and shoes for walking</li>"
            "<li>Toiletries that do not contain alcohol</li>"
            "<li>Phone numbers of family members or others you may want to contact, written on "
            "paper</li><li>A journal or a book, if you like</li></ul>"
            "<p>Please leave alcohol, drugs, weapons, valuables and products that contain alcohol "
            "at home. We will share the current list of allowed electronics and personal items "
            "when you call.</p>"
            "<h2>Insurance and payment</h2>"
            "<p>We work hard to keep evidence-based treatment affordable. Coverage differs from "
            "plan to plan, so the best way to know what yours includes is to call us. Our team can "
            "check your benefits, explain what you may owe and answer questions about self-pay and "
            "payment options before you arrive. We will be straightforward about costs, and we "
            "will never pressure you into a decision.</p>"
            "<h2>When you arrive</h2>"
            "<p>A staff member will welcome you, go over paperwork with you and check in your "
            "belongings and medications. Our medical team will then complete an assessment so that "
            "your care can begin right away. It is normal to feel nervous. You do not need to have "
            "everything figured out.</p>"
            "<p>In a medical emergency, call 911. If you are in crisis or thinking about suicide, "
            'call or text 988. For everything else, <a href="/contact/">send us a message</a> or '
            "call 1-855-605-2135. We are ready when you are.</p>"
        ),
    },
    {
        "slug": "privacy-policy",
        "title": "Privacy Policy",
        "search_description": (
            "How the Manor Hill Recovery Center website handles your information: no trackers or "
            "analytics, and contact messages deleted after {retention_days} days."
        ),
        "body": (
            "<p>This policy explains what information this website collects, how we use it and how "
            "we protect it. We have tried to write it in plain language. If anything is unclear, "
            "please contact us.</p>"
            "<h2>The short version</h2>"
            "<ul><li>We do not use analytics, advertising trackers or social media scripts.</li>"
            "<li>Our pages do not load fonts, scripts, images or anything else from other "
            "websites.</li>"
            "<li>We collect personal information only when you choose to send us a message.</li>"
            "<li>We do not sell your information or share it for advertising.</li></ul>"
            "<h2>Reading this website</h2>"
            "<p>You can read every page of this website without telling us who you are. We do not "
            "use analytics tools, advertising networks, tracking pixels, or fonts and scripts "
            "hosted by other companies, so no other company learns which pages you visit. Like any "
            "website, our server receives basic technical information, such as your IP address and "
            "the type of browser you use, in order to send pages to you and keep the site secure. "
            "We do not use it to build a profile of you.</p>"
            "<h3>The map and share links</h3>"
            "<p>Next to our address there is a link to see our location on OpenStreetMap, and an "
            "optional map. The map is not loaded automatically. It appears only if you click to "
            "show it, and only then does your browser connect to OpenStreetMap, which receives "
            "your IP address and the usual technical information. If you never click, no request "
            "is made to OpenStreetMap. The share links on our blog posts are ordinary links; "
            "nothing is sent to a social network unless you click one.</p>"
            "<h2>Cookies</h2>"
            "<p>We do not set cookies for visitors who are simply reading the site. Pages with a "
            "form, such as our contact page, set one security cookie, called a CSRF cookie, which "
            "protects the form from being misused by other websites. It holds no personal "
            "information and is not used for tracking.</p>"
            "<h2>When you contact us</h2>"
            "<p>If you use our contact form, we collect:</p>"
            "<ul><li>your name,</li>"
            "<li>your e-mail address, your phone number, or both, so we can reply,</li>"
            "<li>your message,</li><li>your consent to be contacted.</li></ul>"
            "<p>We use this information only to respond to you. Your message is stored on the "
            "center's own server and can be seen only by authorized staff members who need it to "
            "reply. When a message arrives, staff receive a notification e-mail that does not "
            "include what you wrote; they read your message after signing in to the site. What "
            "you wrote is never copied into our server's logs. We delete contact messages "
            "automatically {retention_days} days after we receive them.</p>"
            "<p>Please share only what you need to in the form. A short note and the best way to "
            "reach you is enough; we can talk about the rest by phone.</p>"
            "<h2>If you become a patient</h2>"
            "<p>Information about people who receive treatment with us is protected by federal "
            "law, including HIPAA and the federal rules on the confidentiality of substance use "
            "disorder patient records in 42 CFR Part 2. Our notice of privacy practices, which "
            "explains how we use and protect patient information and what your rights are, is "
            "given to you at admission. You may ask us for a copy at any time.</p>"
            "<h2>Changes to this policy</h2>"
            "<p>If we change the way this website handles information, we will update this page "
            "first.</p>"
            "<h2>Contact</h2>"
            "<p>Questions about this policy or your information can be sent to Manor Hill Recovery "
            "Center, 1800 Manor Hill Road, Findlay, OH 45840, by e-mail to "
            "admissions@manorhillrecovery.example, or asked by phone at 1-855-605-2135. You can "
            'also use our <a href="/contact/">contact page</a>.</p>'
        ),
    },
]

# Blog posts. ``days_ago`` sets the publication date (now minus that many days);
# ``recommended`` lists other posts' slugs in order (one post has none, to show the
# fallback).
POSTS = [
    {
        "title": "What Medical Detox Is, and Why Not to Go It Alone",
        "slug": "what-is-medical-detox",
        "category": "treatment",
        "days_ago": 4,
        "excerpt": (
            "Medical detox makes the first days without alcohol or drugs safer and more bearable. "
            "Here is what happens, why stopping alone can be risky and what comes next."
        ),
        "search_description": (
            "What happens during medical detox, why withdrawal from alcohol and some drugs can be "
            "risky alone, and what comes after detox."
        ),
        "image_alt": "A pale sun rising over soft, layered green hills",
        "image_theme": "sunrise",
        "recommended": [
            "alcohol-withdrawal-warning-signs",
            "a-day-in-residential-treatment",
            "what-to-pack-for-treatment",
        ],
        "body": (
            "<p>When someone decides to stop drinking or using drugs, the first days can be the "
            "hardest, both physically and emotionally. Medical detox exists to make those days "
            "safer and more bearable. It is not a cure for addiction, and it is not the whole of "
            "treatment, but for many people it is the right first step.</p>"
            "<h2>What happens during medical detox</h2>"
            "<p>Detox, short for detoxification, is the period when your body adjusts to going "
            "without alcohol or a drug it has come to depend on. In a medical setting, that "
            "adjustment happens with nurses and medical staff nearby around the clock. They check "
            "vital signs such as blood pressure, pulse and temperature, ask how you are feeling "
            "and watch for changes that need attention.</p>"
            "<p>Depending on your health and the substances involved, a clinician may prescribe "
            "medication to ease withdrawal symptoms or lower the risk of complications. You will "
            "also be offered regular meals, fluids and a quiet place to rest. Those basics matter "
            "more than people expect when the body is working hard to find its balance again.</p>"
            "<h2>Why stopping on your own can be risky</h2>"
            "<p>It takes courage to try to quit, and wanting to do it privately is understandable. "
            "Still, withdrawal from some substances can be dangerous without medical care.</p>"
            "<ul>"
            "<li><strong>Alcohol</strong> and <strong>sedatives such as benzodiazepines</strong> "
            "can cause withdrawal that includes seizures or severe confusion, and these can be "
            "life-threatening.</li>"
            "<li><strong>Opioid</strong> withdrawal is rarely dangerous in itself, but it can be "
            "so miserable that people return to use before they are ready to stop. After even a "
            "short break, tolerance drops, which raises the risk of an overdose.</li>"
            "<li>Heart conditions, diabetes, pregnancy, older age and other health concerns can "
            "make withdrawal harder to predict.</li>"
            "<li>Anxiety, low mood and trouble sleeping often show up during withdrawal, and it "
            "helps to have people around who understand them.</li></ul>"
            "<p>If you drink heavily every day or take a sedative regularly, please talk with a "
            "medical professional before you stop suddenly. That conversation can be the "
            "difference between a rough week and a medical emergency.</p>"
            "<h2>How long detox lasts</h2>"
            "<p>There is no single answer. The length of detox depends on what you have been "
            "using, how much, for how long, and on your overall health. Some people feel steadier "
            "within a few days; others need more time. Our medical team looks at your situation "
            "each day rather than holding you to a fixed schedule.</p>"
            "<h3>What detox does not do</h3>"
            "<p>Detox clears the way, but it does not address the reasons substance use took hold, "
            "and it does not teach new ways of coping on its own. That is why we talk with every "
            "person in detox about what comes next. For many, that means moving straight into <a "
            'href="/services/">residential treatment</a>, where the work of recovery can begin '
            "with structure and support.</p>"
            "<h2>What it feels like to arrive</h2>"
            "<p>People often tell us they expected a cold, clinical place. What they find is a "
            "calm room, staff who introduce themselves by name and no judgment about how they got "
            "here. You can bring your questions, your worries and your doubts. Nobody expects you "
            "to feel ready for everything on the first day.</p>"
            "<blockquote>"
            "<p>You do not have to have it all figured out to ask for help. Making the call is "
            "enough for today.</p>"
            "</blockquote>"
            '<p>If you or someone you love is thinking about detox, <a href="/contact/">reach out '
            "to us</a> or call at any hour. We can talk through what you are facing, explain how "
            '<a href="/admissions/">admission</a> works and help you decide on a next step. If you '
            "are having thoughts of harming yourself, call or text 988 to reach the 988 Suicide "
            "&amp; Crisis Lifeline. In a medical emergency, call 911.</p>"
        ),
    },
    {
        "title": "A Day in Residential Treatment",
        "slug": "a-day-in-residential-treatment",
        "category": "treatment",
        "days_ago": 11,
        "excerpt": (
            "Not knowing what to expect keeps many people from starting treatment. Here is an "
            "honest look at an ordinary weekday in our residential program, from breakfast to "
            "lights out."
        ),
        "search_description": (
            "What an ordinary day in residential drug and alcohol treatment looks like, from "
            "morning check-in to evening groups and rest."
        ),
        "image_alt": (
            "A sandy path winding between leafy trees, with small wildflowers along its edges"
        ),
        "image_theme": "path",
        "recommended": [
            "what-to-pack-for-treatment",
            "what-is-medical-detox",
            "the-first-90-days-after-treatment",
        ],
        "body": (
            "<p>Not knowing what to expect is one of the biggest reasons people put off treatment. "
            "So here is an honest look at an ordinary weekday at Manor Hill. Schedules shift a "
            "little from week to week, and your care team will adjust yours to fit your needs, but "
            "the rhythm stays much the same.</p>"
            "<h2>Morning: a steady start</h2>"
            "<p>Residents get up around seven. There is time to shower, make the bed and take any "
            "morning medications with the nursing staff before breakfast. Meals are shared in the "
            "dining room, which gives the day a familiar, unhurried beginning.</p>"
            "<p>After breakfast, most people join a short community meeting. It is a chance to "
            "check in, set an intention for the day and hear any announcements. Nobody is pushed "
            "to share more than they want to.</p>"
            "<h2>Late morning: group work</h2>"
            "<p>The main group of the morning is led by a counselor and usually focuses on one "
            "practical topic, such as:</p>"
            "<ul><li>recognizing triggers and early warning signs,</li>"
            "<li>riding out cravings when they arrive,</li>"
            "<li>saying what you need without anger or shutting down,</li>"
            "<li>understanding how alcohol and drugs affect the brain and body.</li></ul>"
            "<p>Groups are small enough that people get to know one another. Many residents say "
            "that hearing someone else describe their own private struggle was the moment they "
            "stopped feeling alone.</p>"
            "<h2>Afternoon: one-on-one time and new skills</h2>"
            "<p>After lunch, the schedule mixes individual counseling, medical or psychiatric "
            "appointments when needed, and groups that teach specific skills, from managing stress "
            "to planning a healthy week. Individual sessions are where you and your counselor can "
            "look at your own history, set goals and work through what feels too personal for a "
            "group.</p>"
            "<p>There is also time outside when the weather allows. A walk along the garden path "
            "or a few quiet minutes on a bench can do a lot to settle a busy mind.</p>"
            "<h2>Evening: connection and rest</h2>"
            "<p>Dinner is followed by an evening group, a peer support meeting or a family "
            "session, depending on the day. Later hours are quieter: reading, writing in a "
            "journal, calling family during phone time or talking with other residents in the "
            "lounge.</p>"
            "<p>Lights go down at a regular hour. Sleep can be uneven early in recovery, and staff "
            "are awake through the night if you need someone to talk to.</p>"
            "<h3>Weekends</h3>"
            "<p>Saturdays and Sundays keep some structure, with fewer formal groups, more time for "
            "rest and visits, and activities that help residents practice enjoying free time "
            "without alcohol or drugs.</p>"
            "<h2>Why the structure matters</h2>"
            "<p>Addiction often leaves days feeling chaotic, with sleep, meals and "
            "responsibilities pushed aside. A predictable routine gives the body and mind a chance "
            "to find their footing again. It also lets you practice, in a safe setting, the habits "
            "you will carry home: getting up at the same time, eating regular meals, asking for "
            "help and making room for calm.</p>"
            "<p>None of this asks you to be perfect. Some days you will feel engaged and hopeful, "
            "and other days you will mostly want to sleep. Both are part of the process, and staff "
            "will meet you where you are.</p>"
            "<p>If you would like to see where all of this happens, take our <a "
            'href="/tour/">photo tour of the facility</a>. And if you have questions about '
            'residential care, <a href="/contact/">get in touch</a> or call us at any hour. We are '
            "glad to walk you through it.</p>"
        ),
    },
    {
        "title": "How to Talk With Someone You Love About Their Drinking",
        "slug": "talking-to-a-loved-one-about-drinking",
        "category": "families",
        "days_ago": 18,
        "excerpt": (
            "There is no perfect script for talking with someone about their drinking, but a few "
            "ideas can help them hear you and keep the door open for later."
        ),
        "search_description": (
            "How to talk with a loved one about their drinking: choosing the moment, what to say, "
            "what to avoid and what to do if they say no."
        ),
        "image_alt": (
            "A still lake reflecting a line of trees, with a wooden dock in the foreground"
        ),
        "image_theme": "lake",
        "recommended": [
            "caring-for-yourself-as-a-family-member",
            "what-is-medical-detox",
            "questions-to-ask-about-paying-for-treatment",
        ],
        "body": (
            "<p>If you are worried about someone's drinking, you may have rehearsed this "
            "conversation many times in your head. Maybe you have tried before and it ended in an "
            "argument, or in silence. There is no perfect script, but a few ideas can make it more "
            "likely that the person hears you, and less likely that either of you ends up hurt.</p>"
            "<h2>Before you talk</h2>"
            "<ul>"
            "<li><strong>Pick a calm moment.</strong> Talk when the person is sober and neither of "
            "you is rushed, tired or upset. The morning after a hard night can work, as long as it "
            "does not turn into a replay of the night itself.</li>"
            "<li><strong>Choose a private place.</strong> Being confronted in front of others "
            "tends to bring out defensiveness.</li>"
            "<li><strong>Know what you want to say.</strong> Write down two or three specific "
            "things you have seen and how they affected you.</li>"
            "<li><strong>Learn about the options.</strong> It helps to know what kinds of help "
            'exist, such as <a href="/services/">detox and residential treatment</a>, before you '
            "start.</li></ul>"
            "<h2>During the conversation</h2>"
            "<h3>Lead with care, not labels</h3>"
            '<p>Words like "alcoholic" or "addict" can end a conversation before it begins. Start '
            'instead with why you are talking at all: you care about them, and you are worried. "I '
            "love you, and I've been scared lately\" will usually land better than a list of "
            "everything that has gone wrong.</p>"
            "<h3>Describe, don't diagnose</h3>"
            "<p>Talk about specific things you have noticed, and speak from your own experience. "
            'For example: "When you missed Sam\'s game last week, I felt hurt and worried," rather '
            'than "You always ruin everything." Specific, honest observations are harder to argue '
            "with than broad judgments.</p>"
            "<h3>Listen more than you speak</h3>"
            "<p>Ask open questions and let there be pauses. Your loved one may feel ashamed, "
            "frightened or even relieved, and those feelings sometimes come out as anger. Try not "
            "to take the bait. You can say, \"I'm not here to fight. I just want to "
            'understand."</p>'
            "<h2>If they say no</h2>"
            "<p>Many people are not ready to accept help the first time someone raises it. That "
            "does not mean the conversation failed. You have planted something, and people often "
            "come back to these talks weeks or months later.</p>"
            "<p>It is fine to set a boundary, as long as it is one you will keep. You might say "
            "you will no longer cover for missed work, or that you will not ride in a car when "
            "they have been drinking. Boundaries are about protecting yourself and others, not "
            "about punishment.</p>"
            "<h2>When it is more urgent</h2>"
            "<p>If your loved one drinks heavily every day, stopping suddenly can be dangerous, "
            "and they should not try it without medical advice. If they have a seizure, become "
            "very confused, have trouble breathing or cannot be woken, call 911. If they talk "
            "about ending their life, call or text 988 to reach the 988 Suicide &amp; Crisis "
            "Lifeline, for them or for yourself.</p>"
            "<blockquote>"
            "<p>You cannot make someone change. You can make it easier for them to say yes when "
            "they are ready.</p>"
            "</blockquote>"
            "<p>Families are welcome to call us too. Our admissions staff can talk through what "
            "you are seeing and what a next step might look like, even if your loved one is not "
            'ready to pick up the phone. <a href="/contact/">Contact us</a> or call at any '
            "hour.</p>"
        ),
    },
    {
        "title": "What to Pack for Residential Treatment",
        "slug": "what-to-pack-for-treatment",
        "category": "treatment",
        "days_ago": 26,
        "excerpt": (
            "You need less than you might think. A simple checklist for coming to residential "
            "treatment, plus what to leave at home and why."
        ),
        "search_description": (
            "A simple packing list for residential drug and alcohol treatment: essentials, "
            "clothing, comfort items and what to leave at home."
        ),
        "image_alt": (
            "A green meadow full of small wildflowers, with a single tree on the hill beyond"
        ),
        "image_theme": "meadow",
        "recommended": [
            "a-day-in-residential-treatment",
            "questions-to-ask-about-paying-for-treatment",
        ],
        "body": (
            "<p>Once you have decided to come to treatment, packing can feel like one more thing "
            "to get right. Try not to worry. You do not need much, and our staff will help with "
            "anything you forget. This list covers the basics so you can spend less energy on your "
            "suitcase and more on getting here.</p>"
            "<h2>The essentials</h2>"
            "<ul><li>A photo ID and your insurance card, if you have one</li>"
            "<li>Your current medications in their original labeled containers, with a list of "
            "doses and the doctors who prescribe them</li>"
            "<li>Names and phone numbers of people you may want to contact, written on paper</li>"
            "<li>A small amount of money for personal needs</li></ul>"
            "<p>Medications are checked in with our nursing staff when you arrive. Bringing them "
            "in their original bottles makes that quicker and safer. If you use a CPAP machine, "
            "glasses, hearing aids or other medical equipment, bring those too, along with any "
            "chargers they need.</p>"
            "<h2>Clothing and comfort</h2>"
            "<p>Plan for about a week of comfortable, casual clothes, since laundry is available. "
            "Think in layers: bedrooms, group rooms and the garden can all feel a little "
            "different.</p>"
            "<ul><li>Comfortable shoes for walking, and slippers or sandals for indoors</li>"
            "<li>Sleepwear, a light jacket and a warmer layer for cool evenings</li>"
            "<li>Toiletries that do not contain alcohol, new or sealed when possible</li>"
            "<li>A favorite pillowcase or small blanket, if it helps you feel at home</li></ul>"
            "<h2>Things that help you reflect</h2>"
            "<p>Residential treatment has quiet moments, and many people find it helps to have "
            "something meaningful nearby. Consider a notebook or journal, a book you have been "
            "meaning to read, or a few photos of people and places you love.</p>"
            "<p>Some people also bring a short list of the reasons they want to get well, written "
            "in their own words. On a hard afternoon, reading it can be a quiet reminder of why "
            "you came.</p>"
            "<h2>What to leave at home</h2>"
            "<p>Some items are not allowed because they can put your recovery, or someone else's, "
            "at risk. The table below shows a few common examples and the reasons behind them.</p>"
            "<table><thead><tr><th>Leave at home</th><th>Why</th></tr></thead><tbody>"
            "<tr><td>Alcohol, drugs or anything that contains them</td><td>The center is a "
            "substance-free place, for everyone's safety.</td></tr>"
            "<tr><td>Mouthwash, hand sanitizer or cologne made with alcohol</td><td>These can be "
            "misused and may stir up cravings.</td></tr>"
            "<tr><td>Weapons of any kind</td><td>Residents and staff need to feel safe.</td></tr>"
            "<tr><td>Jewelry, valuables and large amounts of cash</td><td>They are easy to lose, "
            "and you will not need them here.</td></tr>"
            "<tr><td>Supplements or over-the-counter medicines you have not told us "
            "about</td><td>Our medical team needs to know everything you take.</td></tr></tbody>"
            "</table>"
            "<p>Rules about phones, laptops and other electronics can change, so please ask when "
            "you call. Our admissions team will share the current list before you arrive.</p>"
            "<h2>If you cannot pack much</h2>"
            "<p>Some people come to us straight from a hospital or a hard situation, with little "
            "more than the clothes they are wearing. That is all right. Tell us, and we will help "
            "you sort out what you need. A missing toothbrush is never a reason to put off getting "
            "help.</p>"
            '<p>Have a question about what to bring? See our <a href="/admissions/">admissions '
            'page</a>, <a href="/contact/">send us a note</a> or call us. We answer the phone '
            "every day, including weekends and holidays.</p>"
        ),
    },
    {
        "title": "The First 90 Days After Treatment",
        "slug": "the-first-90-days-after-treatment",
        "category": "recovery",
        "days_ago": 35,
        "excerpt": (
            "The first three months at home are often when recovery feels most tender. A simple, "
            "month-by-month way to protect what you built in treatment."
        ),
        "search_description": (
            "How to protect your recovery in the first 90 days after residential treatment: "
            "routines, warning signs and building a new life."
        ),
        "image_alt": "Layered blue mountain ridges fading into mist above a band of pine trees",
        "image_theme": "mountains",
        "recommended": [
            "relapse-without-shame",
            "sleep-in-early-recovery",
            "a-day-in-residential-treatment",
        ],
        "body": (
            "<p>Leaving residential treatment is a real milestone. It can also feel like stepping "
            "off a boat onto ground that is still moving. The structure you relied on is suddenly "
            "looser, and the everyday world, with its familiar places, people and pressures, is "
            "right there. The first three months at home are often when recovery is most tender, "
            "so it helps to have a plan.</p>"
            "<h2>Weeks one to four: protect the basics</h2>"
            "<p>In the first month, think small and steady. The goal is not to rebuild your whole "
            "life at once, but to keep the footing you gained in treatment.</p>"
            "<ul>"
            "<li>Go to every follow-up appointment you set up before discharge, even when you feel "
            "fine.</li>"
            "<li>Keep a daily routine: a regular wake-up time, meals, movement and bedtime.</li>"
            "<li>Attend support meetings or groups, and try a few until you find ones that "
            "fit.</li>"
            "<li>Take medications exactly as prescribed, and call your prescriber before changing "
            "anything.</li>"
            "<li>Tell a few trusted people how they can help, and what is not helpful.</li></ul>"
            "<h2>Weeks five to eight: notice patterns</h2>"
            "<p>As life picks up speed, watch for early warning signs. These often appear well "
            "before any actual drink or drug: skipping meetings, pulling away from people, "
            "sleeping badly, remembering past use as better than it was, or thinking, \"I've got "
            'this handled now." None of these mean you have failed. They are signals that it is '
            "time to lean on your support a little harder.</p>"
            "<p>This is also a good time to look honestly at your surroundings. Which places, "
            "routines or relationships keep pulling you toward old habits? Small changes, like a "
            "new route home from work or a different way to spend Friday evenings, can make a real "
            "difference.</p>"
            "<h2>Weeks nine to twelve: build something new</h2>"
            "<p>Recovery is not only about stopping something. It is about making room for a life "
            "you do not want to escape from. As you feel steadier, start adding things that bring "
            "meaning: a hobby, exercise, volunteering, time with family or a class you have wanted "
            "to take.</p>"
            "<h3>Mark the milestone</h3>"
            "<p>Ninety days is worth marking. Celebrate in ways that support you, with people who "
            "are glad to see you well. If the days have not gone perfectly, you can still "
            "recognize how much effort you have put in.</p>"
            "<h2>When things get hard</h2>"
            "<p>Cravings, painful emotions and stressful days will come. A written plan makes it "
            "easier to act when your thinking is clouded. Include the names and numbers of people "
            "you can call, what you will do when a craving hits and where you will go if you need "
            "more support.</p>"
            "<p>If you ever feel hopeless or think about harming yourself, call or text 988 to "
            "reach the 988 Suicide &amp; Crisis Lifeline at any hour. In an emergency, call "
            "911.</p>"
            "<blockquote>"
            "<p>Recovery is built one ordinary day at a time. Most of those days will not feel "
            "dramatic, and that is a good thing.</p>"
            "</blockquote>"
            '<p>Our <a href="/services/">aftercare planning</a> begins well before discharge, so '
            "you leave with appointments, contacts and a plan in hand. If you finished treatment "
            "with us and are struggling now, please call. We are still here for you.</p>"
        ),
    },
    {
        "title": "Relapse Is Not the End of the Story",
        "slug": "relapse-without-shame",
        "category": "recovery",
        "days_ago": 44,
        "excerpt": (
            "A return to drinking or using can bring a flood of shame. It does not erase your "
            "progress. Here is how to understand it, stay safe and take the next step."
        ),
        "search_description": (
            "Understanding relapse without shame: why it happens, an important overdose safety "
            "warning, and practical next steps for you and your family."
        ),
        "image_alt": "A calm sea with sunlight glinting on the water and a sandy beach in front",
        "image_theme": "sea",
        "recommended": [
            "the-first-90-days-after-treatment",
            "naloxone-and-opioid-overdose-basics",
            "talking-to-a-loved-one-about-drinking",
        ],
        "body": (
            "<p>If you have gone back to drinking or using after a period of recovery, you may be "
            "carrying a heavy load of shame right now. You might feel you have let everyone down, "
            'or that treatment "didn\'t work." Please hear this first: a relapse does not erase '
            "the progress you made, and it does not mean you are incapable of recovery.</p>"
            "<h2>Why relapse happens</h2>"
            "<p>Medical experts widely describe addiction as a chronic condition, in some ways "
            "like high blood pressure or asthma. With chronic conditions, symptoms can return, "
            "especially during stress, illness, loss or big changes. That is not an excuse, and it "
            "is not a reason to give up. It is a reason to treat a return to use as information "
            "rather than a verdict on who you are.</p>"
            "<p>Common triggers include:</p>"
            "<ul><li>stress at work or at home,</li><li>loneliness and isolation,</li>"
            "<li>anxiety, depression or trauma that has not been treated,</li>"
            "<li>being around people, places or events tied to past use,</li>"
            "<li>feeling so well that support starts to seem unnecessary.</li></ul>"
            "<h2>An important safety warning</h2>"
            "<p>After time away from alcohol or drugs, your body's tolerance drops. Using the "
            "amount you used before can be far more dangerous than it once was, especially with "
            "opioids. If you or someone you know has gone back to opioid use, keep naloxone "
            "nearby, avoid using alone and call 911 if someone will not wake up or is struggling "
            "to breathe.</p>"
            "<p>If you have been drinking heavily again, stopping suddenly can bring on dangerous "
            "withdrawal, so talk with a medical professional first.</p>"
            "<h2>What to do next</h2>"
            "<h3>Tell someone</h3>"
            "<p>Shame grows in secret. Telling a sponsor, counselor, doctor or trusted friend is "
            "one of the most powerful things you can do. Many people who have been in recovery for "
            "a while have been through something similar, and they will not be shocked.</p>"
            "<h3>Look back gently</h3>"
            "<p>When you feel steadier, try to trace what led up to the return to use. What was "
            "going on in the days and weeks before? Which warning signs were there? The aim is not "
            "to blame yourself, but to learn what your plan needs now.</p>"
            "<h3>Adjust the level of care</h3>"
            "<p>Sometimes more meetings or a few extra counseling sessions are enough. Other "
            "times, especially if use has become heavy or daily, going back to detox or "
            "residential treatment is the safest choice. Returning to a higher level of care is "
            "not starting over. You bring everything you learned with you.</p>"
            "<h2>For families</h2>"
            "<p>It is natural to feel angry, scared or worn out when a loved one relapses. Anger "
            "aimed at the person tends to deepen their shame, while clear, caring honesty keeps "
            "the door open. Make sure you have support of your own, too.</p>"
            "<blockquote><p>A setback is a moment in a story, not the end of it.</p>"
            "</blockquote>"
            '<p>If you are struggling with a return to use, <a href="/contact/">reach out</a> or '
            "call us at any hour of the day or night. We will listen without judgment and help you "
            "work out what kind of support makes sense now. If you are thinking about harming "
            "yourself, call or text 988.</p>"
        ),
    },
    {
        "title": "Taking Care of Yourself When Someone You Love Is Struggling",
        "slug": "caring-for-yourself-as-a-family-member",
        "category": "families",
        "days_ago": 53,
        "excerpt": (
            "Worrying about a loved one's drinking or drug use can wear you down without your "
            "noticing. Caring for yourself is not selfish; it is how you keep going."
        ),
        "search_description": (
            "Self-care for families of people with addiction: signs you are running on empty, "
            "small steps that help and where to find support."
        ),
        "image_alt": "Rows of pine trees fading into soft mist under a pale sun",
        "image_theme": "forest",
        "recommended": [
            "talking-to-a-loved-one-about-drinking",
            "relapse-without-shame",
            "naloxone-and-opioid-overdose-basics",
        ],
        "body": (
            "<p>When someone you love is caught up in alcohol or drug use, it can take over your "
            "whole life. You might lie awake listening for the car, check their phone, make "
            "excuses to relatives or drain your savings to keep a crisis from getting worse. Over "
            "time, the worry can wear you down in ways you barely notice. Looking after yourself "
            "is not selfish. It is part of what makes it possible to keep showing up.</p>"
            "<h2>Signs you are running on empty</h2>"
            "<ul><li>You feel constantly on edge, waiting for the next emergency.</li>"
            "<li>You have stopped seeing friends or doing things you used to enjoy.</li>"
            "<li>Your sleep, appetite or health has changed.</li>"
            "<li>You feel responsible for your loved one's choices.</li>"
            "<li>You are angry or numb much of the time, and then guilty about it.</li></ul>"
            "<p>These are common, understandable reactions to a painful situation. They are also "
            "signals that you need support of your own.</p>"
            "<h2>Small steps that help</h2>"
            "<h3>Get back a little routine</h3>"
            "<p>Regular meals, a daily walk, a steady bedtime and a few minutes a day for "
            "something you enjoy may sound too simple to matter. They give your body and mind a "
            "break from constant alarm.</p>"
            "<h3>Give your feelings somewhere to go</h3>"
            "<p>Writing in a journal, talking with a friend or simply naming what you feel can "
            "release some of the pressure. Love, anger, grief and hope can sit side by side, and "
            "none of them makes you a bad parent, partner or friend.</p>"
            "<h3>Talk with people who understand</h3>"
            "<p>Family support groups such as Al-Anon and Nar-Anon meet in many communities and "
            "online. Hearing from others in similar situations can ease the loneliness and offer "
            "practical ideas. A counselor of your own can also help you sort through mixed "
            "feelings.</p>"
            "<h3>Separate love from rescuing</h3>"
            "<p>It is possible to love someone deeply and still stop shielding them from the "
            "consequences of their use. That might mean no longer paying certain bills, no longer "
            "calling in sick for them or no longer accepting certain behavior in your home. These "
            "decisions are hard, and they are yours to make at your own pace.</p>"
            "<h2>Looking after children in the family</h2>"
            "<p>Children notice more than adults often think. They may blame themselves, keep "
            "secrets or take on grown-up worries. Let them know, in words that fit their age, that "
            "the problem is not their fault, that they can ask questions and that safe adults are "
            "looking after them.</p>"
            "<h2>When you need help right away</h2>"
            "<p>If your loved one is in danger from an overdose, a seizure or an injury, call 911. "
            "If you or anyone in your family is thinking about suicide, call or text 988 to reach "
            "the 988 Suicide &amp; Crisis Lifeline. The free, confidential SAMHSA National "
            "Helpline at 1-800-662-4357 can also point you toward local resources at any hour.</p>"
            "<blockquote>"
            "<p>You cannot fix everything. You can take care of yourself, and that matters more "
            "than you may think.</p>"
            "</blockquote>"
            '<p>Our <a href="/services/">family program</a> helps loved ones understand addiction, '
            "rebuild trust and plan for life after treatment. If you are worried about someone, "
            'you are welcome to <a href="/contact/">contact us</a> or call. We cannot share '
            "details about a patient without their written consent, but we can always listen and "
            "explain how treatment works.</p>"
        ),
    },
    {
        "title": "Alcohol Withdrawal: Warning Signs That Need Medical Care",
        "slug": "alcohol-withdrawal-warning-signs",
        "category": "treatment",
        "days_ago": 62,
        "excerpt": (
            "For some people, alcohol withdrawal is a few miserable days. For others, it becomes "
            "an emergency. Learn who is at risk and which signs mean you should call 911."
        ),
        "search_description": (
            "Alcohol withdrawal warning signs: early symptoms, who is at higher risk and the "
            "emergency signs that mean you should call 911."
        ),
        "image_alt": "Rolling green hills under a soft sky, with wildflowers in the foreground",
        "image_theme": "meadow",
        "recommended": [
            "what-is-medical-detox",
            "talking-to-a-loved-one-about-drinking",
            "what-to-pack-for-treatment",
        ],
        "body": (
            "<p>Alcohol withdrawal is something many people try to push through alone, often out "
            "of embarrassment or a wish to handle things privately. For some, it passes as a few "
            "miserable days. For others, it becomes a medical emergency. Knowing the warning signs "
            "can help you, or someone you love, get care in time.</p>"
            "<h2>Who is at risk</h2>"
            "<p>Withdrawal can happen to anyone whose body has adjusted to drinking regularly. The "
            "risk of serious symptoms tends to be higher for people who:</p>"
            "<ul><li>drink heavily every day or most days, especially over a long period,</li>"
            "<li>have had withdrawal symptoms, seizures or delirium tremens before,</li>"
            "<li>also take sedatives such as benzodiazepines or sleep medications,</li>"
            "<li>have other health conditions, including heart, liver or lung problems,</li>"
            "<li>are older, ill, injured or not eating well.</li></ul>"
            "<p>If any of these apply to you, please talk with a doctor or a medical detox program "
            "before you stop drinking.</p>"
            "<h2>Early symptoms</h2>"
            "<p>Symptoms can begin within hours of the last drink, sometimes while there is still "
            "alcohol in the blood. Common early signs include shaky hands, sweating, anxiety or "
            "restlessness, irritability, nausea or vomiting, headache, a fast heartbeat and "
            "trouble sleeping.</p>"
            "<p>Even these milder symptoms deserve attention, because they can get worse over the "
            "following days. A medical team can keep watch and, when appropriate, provide "
            "medication that makes withdrawal safer and more comfortable.</p>"
            "<h2>Emergency warning signs: call 911</h2>"
            "<p>Call 911 right away if someone going through alcohol withdrawal has any of the "
            "following:</p>"
            "<ul><li>a seizure, or jerking movements they cannot control,</li>"
            "<li>confusion, not knowing where they are, or severe agitation,</li>"
            "<li>seeing, hearing or feeling things that are not there,</li>"
            "<li>a high fever or heavy, drenching sweats,</li>"
            "<li>chest pain, a racing or irregular heartbeat, or trouble breathing,</li>"
            "<li>vomiting that will not stop, or being unable to keep fluids down,</li>"
            "<li>fainting, or being very hard to wake.</li></ul>"
            "<p>Severe withdrawal, including a condition called delirium tremens, can be "
            "life-threatening and needs hospital care. Please do not wait to see whether it "
            "passes.</p>"
            "<h3>While you wait for help</h3>"
            "<p>Stay with the person. If they are having a seizure, move hard or sharp objects out "
            "of the way, cushion their head if you can and do not put anything in their mouth. "
            "Once the jerking stops, gently roll them onto their side. Tell the emergency team "
            "what and how much they have been drinking, when they last drank and what medications "
            "they take.</p>"
            "<h2>Why cutting down alone is hard</h2>"
            "<p>Some people try to taper off slowly without medical help. It can be very hard to "
            "judge what pace is safe, and withdrawal symptoms make any plan difficult to stick to. "
            "In a medically supervised detox, trained staff take that guesswork off your shoulders "
            "and can respond quickly if something changes.</p>"
            "<h2>Asking for help is the safe choice</h2>"
            "<p>There is no shame in needing medical support to stop drinking. It is a sign that "
            "you are taking your health seriously.</p>"
            "<p>If you are thinking about stopping and are not sure whether it is safe, call us at "
            "any hour of any day. Our team can talk through your situation and explain how <a "
            'href="/services/">medical detox</a> works. If you are in danger right now, call 911. '
            "If you are thinking about harming yourself, call or text 988.</p>"
        ),
    },
    {
        "title": "Naloxone and Opioid Overdose: What Everyone Should Know",
        "slug": "naloxone-and-opioid-overdose-basics",
        "category": "families",
        "days_ago": 74,
        "excerpt": (
            "Naloxone can reverse an opioid overdose and buy time for emergency care. Learn the "
            "signs of an overdose and what to do, step by step."
        ),
        "search_description": (
            "Naloxone basics: how to recognize an opioid overdose, how to respond step by step and "
            "why you should still call 911."
        ),
        "image_alt": "Soft morning light over rolling hills dotted with a few small pine trees",
        "image_theme": "sunrise",
        "recommended": [
            "caring-for-yourself-as-a-family-member",
            "relapse-without-shame",
            "what-is-medical-detox",
        ],
        "body": (
            "<p>An opioid overdose can happen to anyone who uses opioids, whether they come from a "
            "pharmacy or from the street. Naloxone is a medicine that can reverse an opioid "
            "overdose and give a person time to reach emergency care. Learning to recognize an "
            "overdose and use naloxone takes only a few minutes, and it can save a life.</p>"
            "<h2>What naloxone is</h2>"
            "<p>Naloxone blocks the effects of opioids and can restore breathing that has slowed "
            "or stopped. It most often comes as a nasal spray, and some forms are sold without a "
            "prescription at many pharmacies. Health departments and community programs often give "
            "it out free.</p>"
            "<p>Naloxone acts only on opioids. If you are not sure whether someone has taken "
            "opioids, giving it is very unlikely to harm them. In a person who depends on opioids, "
            "it can bring on sudden withdrawal, which is unpleasant but far less dangerous than an "
            "overdose.</p>"
            "<h2>Signs of an opioid overdose</h2>"
            "<ul>"
            "<li>The person will not wake up or respond when you shout their name or firmly rub "
            "their breastbone.</li><li>Breathing is very slow or shallow, or has stopped.</li>"
            "<li>You hear choking, gurgling or snore-like sounds.</li>"
            "<li>Lips or fingertips look blue, gray or ashen.</li>"
            "<li>The pupils are very small.</li><li>The body is limp.</li></ul>"
            "<p>Fentanyl and similar drugs now turn up in many street drugs, including pills made "
            "to look like prescription medicine, so an overdose can happen even when someone did "
            "not know they were taking an opioid.</p>"
            "<h2>What to do, step by step</h2>"
            "<ol>"
            "<li><strong>Try to wake them.</strong> Shout their name and rub the center of their "
            "chest firmly with your knuckles.</li>"
            "<li><strong>Call 911.</strong> Say that the person is not breathing or not "
            "responding, and give your exact location.</li>"
            "<li><strong>Give naloxone.</strong> Follow the directions on the package. For the "
            "nasal spray, lay the person on their back, put the nozzle in one nostril and press "
            "the plunger.</li>"
            "<li><strong>Support their breathing.</strong> If you are trained in rescue breathing "
            "or CPR, begin while you wait. The 911 dispatcher can also guide you.</li>"
            "<li><strong>Give another dose if needed.</strong> If there is no response after two "
            "to three minutes, give a second dose as the package directs.</li>"
            "<li><strong>Stay with them.</strong> If they are breathing but drowsy, roll them onto "
            "their side so they will not choke.</li></ol>"
            "<h3>Why emergency care still matters</h3>"
            "<p>Naloxone can wear off before the opioids do, which means a person may stop "
            "breathing again after seeming to recover. Always call 911, and stay with the person "
            "until help arrives, even if they wake up.</p>"
            "<h2>Keeping naloxone on hand</h2>"
            "<p>If someone in your home uses opioids, takes high doses of opioid pain medicine, or "
            "has recently left treatment, a hospital or jail, consider keeping naloxone somewhere "
            "easy to find and telling others where it is. Tolerance drops after a period without "
            "opioids, which raises the risk of overdose if use starts again.</p>"
            "<p>Carrying naloxone is not the same as approving of drug use. It is a way to keep "
            "someone alive long enough for recovery to remain possible.</p>"
            "<p>If you or someone you love is ready to talk about opioid use, <a "
            'href="/contact/">contact us</a> or call at any hour. Our <a href="/services/">medical '
            "detox</a> team can explain how opioid withdrawal is managed safely.</p>"
        ),
    },
    {
        "title": "Sleep in Early Recovery: Why It's Hard and What Helps",
        "slug": "sleep-in-early-recovery",
        "category": "recovery",
        "days_ago": 88,
        "excerpt": (
            "Many people sleep badly in the first weeks without alcohol or drugs. Here is why, and "
            "some gentle habits that help the body learn to rest again."
        ),
        "search_description": (
            "Why sleep is often hard in early recovery from alcohol or drugs, and practical, "
            "gentle habits that can help you rest."
        ),
        "image_alt": "A calm lake under a pale sun, with a wooden dock reaching into the water",
        "image_theme": "lake",
        "recommended": [],
        "body": (
            "<p>Many people are surprised that sleep can get worse, not better, after they stop "
            "drinking or using drugs. You might lie awake for hours, wake again and again, or have "
            "vivid dreams about using. It is frustrating, and it can make everything else feel "
            "harder. The good news is that for many people, sleep gradually improves as the body "
            "and brain settle into recovery.</p>"
            "<h2>Why sleep is hard at first</h2>"
            "<p>Alcohol and many drugs change the way the brain regulates sleep. Some make it "
            "easier to fall asleep while disturbing the deeper, more restful stages later in the "
            "night. When you stop, your brain needs time to find its own rhythm again. Stress, "
            "anxiety, low mood and the physical discomfort of withdrawal can add to the "
            "problem.</p>"
            "<p>Poor sleep matters in recovery because tiredness wears down patience, makes "
            "cravings feel stronger and makes it harder to think clearly. That is why it is worth "
            "taking seriously.</p>"
            "<h2>Habits that help</h2>"
            "<ul><li><strong>Keep regular hours.</strong> Get up at the same time every day, even "
            "after a bad night. Your body clock responds to consistency.</li>"
            "<li><strong>Get morning light.</strong> Step outside soon after waking, even on "
            "cloudy days.</li>"
            "<li><strong>Move during the day.</strong> A walk or other gentle exercise can help, "
            "as long as it is not right before bed.</li>"
            "<li><strong>Watch caffeine and nicotine.</strong> Both are stimulants. Try to have "
            "your last coffee or energy drink by early afternoon.</li>"
            "<li><strong>Wind down on purpose.</strong> Dim the lights, put screens away and do "
            "something calming, such as reading, stretching or taking a warm shower.</li>"
            "<li><strong>Keep the bed for sleep.</strong> If you have been awake for a long while, "
            "get up, do something quiet in low light and go back when you feel sleepy.</li></ul>"
            "<h2>A word about sleep medications</h2>"
            "<p>It can be tempting to reach for something that will knock you out. Some sleep "
            "aids, including certain prescription and over-the-counter products, can be "
            "habit-forming or can interact with other medications. Talk with your doctor or care "
            "team before taking anything for sleep, and tell them about your recovery so they can "
            "choose options with that in mind.</p>"
            "<h2>When to ask for more help</h2>"
            "<p>Let a medical professional know if poor sleep lasts for weeks, if you snore loudly "
            "or seem to stop breathing during sleep, or if worry and low mood keep you awake. "
            "Sleep problems can be linked to conditions such as depression, anxiety or sleep "
            "apnea, and these can be treated.</p>"
            "<h3>Nights that feel long</h3>"
            "<p>Late nights can be lonely in early recovery. Keep a short list of things to do "
            "when you cannot sleep and your thoughts start to spiral: a calming recording, a few "
            "lines in a journal, or a message to someone in your support network who has said you "
            "can reach out. If you feel hopeless or think about hurting yourself, call or text "
            "988, day or night.</p>"
            "<blockquote>"
            "<p>Be patient with your body. It is learning to rest on its own again, and that takes "
            "time.</p>"
            "</blockquote>"
            '<p>In our <a href="/services/">residential program</a>, a steady daily routine and '
            "nursing staff on hand through the night make it easier to rebuild healthy sleep. If "
            'you have questions, <a href="/contact/">get in touch</a> or call us at any hour.</p>'
        ),
    },
    {
        "title": "Paying for Treatment: Questions to Ask Before You Start",
        "slug": "questions-to-ask-about-paying-for-treatment",
        "category": "treatment",
        "days_ago": 103,
        "excerpt": (
            "Worry about cost keeps many people from reaching out. These questions for your "
            "insurance plan and your treatment center can help you avoid surprises."
        ),
        "search_description": (
            "Questions to ask your insurance plan and treatment center about paying for detox and "
            "residential treatment, with common terms explained."
        ),
        "image_alt": "A path leading through a green park lined with trees toward a distant grove",
        "image_theme": "path",
        "recommended": ["what-to-pack-for-treatment", "what-is-medical-detox"],
        "body": (
            "<p>Worry about cost keeps many people from reaching out for help. That makes sense: "
            "treatment is an important decision, and nobody wants a surprise bill in the middle of "
            "recovery. The best way to ease that worry is to ask clear questions early. Here are "
            "the ones we suggest, whether you are talking with us, your insurance company or "
            "another program.</p>"
            "<h2>Questions for your insurance plan</h2>"
            "<p>The number for member services is usually on the back of your insurance card. When "
            "you call, keep a pen handy and write down the date, the name of the person you spoke "
            "with and any reference number they give you.</p>"
            "<ul>"
            "<li>Does my plan cover medical detox and residential treatment for substance use?</li>"
            "<li>Is the treatment center I am considering in my plan's network?</li>"
            "<li>Do I need approval before admission, sometimes called prior authorization?</li>"
            "<li>How much of my deductible have I already met this year?</li>"
            "<li>What will my copay or coinsurance be, and what is my out-of-pocket maximum?</li>"
            "<li>Is there a limit on the number of days covered, and how are more days "
            "approved?</li></ul>"
            "<h2>Questions for the treatment center</h2>"
            "<ul><li>Can you check my benefits for me before I arrive?</li>"
            "<li>What is included in the cost of my stay, and is anything billed separately, such "
            "as lab work or medications?</li>"
            "<li>Do you offer payment plans or self-pay options?</li>"
            "<li>What happens if my insurance approves fewer days than my care team "
            "recommends?</li><li>Who can I talk to if I have a question about a bill later?</li>"
            "</ul>"
            "<p>A good program will answer these questions plainly. If anything is unclear, it is "
            "fine to ask again, or to ask for the answer in writing.</p>"
            "<p>If your plan turns down a request for coverage, ask for the reason in writing and "
            "ask how to appeal. Decisions are sometimes changed when more information is provided, "
            "and our team can help you understand what to do next.</p>"
            "<h2>A few common terms</h2>"
            "<h3>Deductible</h3>"
            "<p>The amount you pay for covered care each plan year before your plan starts to "
            "share the cost.</p>"
            "<h3>Copay and coinsurance</h3>"
            "<p>A copay is a set dollar amount you pay for a service. Coinsurance is a percentage "
            "of the cost that you pay after your deductible is met.</p>"
            "<h3>In network</h3>"
            "<p>A provider that has an agreement with your plan. Care in network usually costs you "
            "less than care from a provider outside it.</p>"
            "<h3>Out-of-pocket maximum</h3>"
            "<p>The most you would pay for covered services in a plan year. Once you reach it, "
            "your plan generally pays for covered care in full for the rest of that year.</p>"
            "<h2>If you do not have insurance</h2>"
            "<p>Not having insurance does not have to mean treatment is out of reach. Ask about "
            "self-pay rates and payment plans. You may also qualify for public coverage such as "
            "Medicaid, and some counties and states help fund treatment. The free SAMHSA National "
            "Helpline, at 1-800-662-4357, can point you toward options in your area.</p>"
            "<h2>How we can help</h2>"
            "<p>Manor Hill Recovery Center works to keep evidence-based care affordable. Every "
            "situation is different, so we cannot promise a price or coverage before we know your "
            "details, but our admissions team can check your benefits and walk you through your "
            'options in a single call. Visit our <a href="/admissions/">admissions page</a>, <a '
            'href="/contact/">contact us</a> or call 1-855-605-2135 to get started.</p>'
        ),
    },
]

# The facility tour, in display order.
GALLERY = [
    {
        "scene": "exterior",
        "caption": "The main building at 1800 Manor Hill Road",
        "alt_text": (
            "Illustration of a two-story cream building with a gray roof and a teal front door, "
            "with a path leading to it across a green lawn lined with trees"
        ),
    },
    {
        "scene": "lounge",
        "caption": "The residents' lounge, where evening conversations happen",
        "alt_text": (
            "Illustration of a bright lounge with a teal sofa, a floor lamp, a potted plant, a "
            "round rug and a large curtained window"
        ),
    },
    {
        "scene": "group-room",
        "caption": "A group room full of daylight, set up for a morning session",
        "alt_text": (
            "Illustration of a circle of teal chairs on a round rug around a small table with a "
            "plant, below three large windows"
        ),
    },
    {
        "scene": "dining",
        "caption": "The dining room, where residents share meals together",
        "alt_text": (
            "Illustration of a dining room with wooden tables and chairs, pendant lights and tall "
            "windows looking out on green hills"
        ),
    },
    {
        "scene": "bedroom",
        "caption": "A resident bedroom: simple, quiet and comfortable",
        "alt_text": (
            "Illustration of a tidy bedroom with a made bed, two pillows, a nightstand with a "
            "lamp, a framed picture and a curtained window"
        ),
    },
    {
        "scene": "garden",
        "caption": "The garden path, with benches for quiet time outdoors",
        "alt_text": (
            "Illustration of a garden with a sandy path, wooden benches and round flower beds in "
            "front of a row of trees"
        ),
    },
]
