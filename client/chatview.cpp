#include "chatview.h"

#include <QEvent>
#include <QLocale>
#include <QScrollBar>

#include "chatformat.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 GroupSeconds = 5 * 60;

QColor mix(const QColor &a, const QColor &b, double amount)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * amount),
                            float(a.greenF() + (b.greenF() - a.greenF()) * amount),
                            float(a.blueF() + (b.blueF() - a.blueF()) * amount));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}
} // namespace

ChatView::ChatView(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(u"chatView"_s);
    setAccessibleName(tr("Conversation"));
    setOpenExternalLinks(true);
    setOpenLinks(true);
    setUndoRedoEnabled(false);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
    setFocusPolicy(Qt::StrongFocus);
    m_renderTimer.setSingleShot(true);
    m_renderTimer.setInterval(0);
    connect(&m_renderTimer, &QTimer::timeout, this, &ChatView::render);
    // Follow the conversation while scrolled to the end; stay put while reading older messages.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (!m_rendering)
            m_followEnd = value >= verticalScrollBar()->maximum() - 4;
    });
}

void ChatView::addChat(const QString &from, const QString &text, const QDateTime &time, bool own,
                       const QString &id)
{
    Entry entry;
    entry.from = from;
    entry.text = text;
    entry.time = time.isValid() ? time.toUTC() : QDateTime::currentDateTimeUtc();
    entry.own = own;
    entry.id = id;
    append(std::move(entry));
}

void ChatView::addPending(const QString &id, const QString &from, const QString &text)
{
    Entry entry;
    entry.from = from;
    entry.text = text;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.own = true;
    entry.pending = true;
    entry.id = id;
    append(std::move(entry));
}

void ChatView::confirm(const QString &id, const QString &from, const QDateTime &time)
{
    if (Entry *entry = findById(id)) {
        entry->pending = false;
        entry->from = from;
        if (time.isValid())
            entry->time = time.toUTC();
        scheduleRender();
    }
}

void ChatView::markFailed(const QString &id, const QString &why)
{
    if (Entry *entry = findById(id)) {
        entry->pending = false;
        entry->failure = why;
        scheduleRender();
    }
}

void ChatView::addSystem(const QString &text, const QDateTime &time)
{
    Entry entry;
    entry.kind = Entry::Kind::System;
    entry.text = text;
    entry.time = time.isValid() ? time.toUTC() : QDateTime::currentDateTimeUtc();
    append(std::move(entry));
}

void ChatView::clearLog()
{
    m_entries.clear();
    scheduleRender();
}

int ChatView::pendingCount() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [](const Entry &e) { return e.pending; }));
}

QString ChatView::renderedText()
{
    if (m_renderTimer.isActive())
        render();
    return toPlainText();
}

void ChatView::resizeEvent(QResizeEvent *event)
{
    QTextBrowser::resizeEvent(event);
    if (m_followEnd)
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void ChatView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LocaleChange)
        scheduleRender();
}

void ChatView::append(Entry entry)
{
    // Messages still being sent stay at the bottom, as in any messenger: what arrives meanwhile
    // goes above them, in the order the room saw it.
    qsizetype at = m_entries.size();
    if (!entry.pending) {
        while (at > 0 && m_entries.at(at - 1).pending)
            --at;
    }
    m_entries.insert(at, std::move(entry));
    if (m_entries.size() > m_maxEntries)
        m_entries.remove(0, m_entries.size() - m_maxEntries);
    scheduleRender();
}

void ChatView::scheduleRender()
{
    if (!m_renderTimer.isActive())
        m_renderTimer.start();
}

void ChatView::render()
{
    m_renderTimer.stop();
    QScrollBar *bar = verticalScrollBar();
    const int oldValue = bar->value();
    m_rendering = true;

    const QPalette pal = palette();
    const QColor link = isDark(pal) ? QColor(0x8a, 0xb4, 0xff) : pal.color(QPalette::Link);
    document()->setDefaultStyleSheet(u"a { color: %1; }"_s.arg(link.name()));

    QString html = u"<html><body>"_s;
    const Entry *previous = nullptr;
    for (const Entry &entry : std::as_const(m_entries)) {
        html += entryHtml(entry, previous);
        previous = &entry;
    }
    html += u"</body></html>"_s;
    setHtml(html);
    bar->setValue(m_followEnd ? bar->maximum() : oldValue);
    m_rendering = false;
}

QString ChatView::entryHtml(const Entry &entry, const Entry *previous) const
{
    const QPalette pal = palette();
    const QString muted = mix(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.45).name();
    const QLocale locale;
    const QDateTime local = entry.time.toLocalTime();
    QString html;

    const bool newDay = !previous || previous->time.toLocalTime().date() != local.date();
    if (newDay) {
        const QDate today = QDate::currentDate();
        QString day = local.date() == today ? tr("Today")
                : local.date() == today.addDays(-1)
                ? tr("Yesterday")
                : locale.toString(local.date(), QLocale::LongFormat);
        html += u"<p align=\"center\" style=\"margin-top:10px; margin-bottom:6px; color:%1;\">"
                "\u2014 %2 \u2014</p>"_s.arg(muted, day.toHtmlEscaped());
    }
    const QString time = locale.toString(local.time(), QLocale::ShortFormat).toHtmlEscaped();

    if (entry.kind == Entry::Kind::System) {
        html += u"<p style=\"margin-top:4px; margin-bottom:4px; color:%1;\"><i>%2</i> "
                "<span style=\"font-size:small;\">%3</span></p>"_s.arg(
                        muted, entry.text.toHtmlEscaped(), time);
        return html;
    }

    const bool grouped = !newDay && previous && previous->kind == Entry::Kind::Chat
            && previous->from == entry.from && previous->own == entry.own
            && previous->time.secsTo(entry.time) < GroupSeconds;
    const QString background = entry.own
            ? mix(pal.color(QPalette::Base), pal.color(QPalette::Highlight),
                  isDark(pal) ? 0.22 : 0.10)
                      .name()
            : pal.color(QPalette::Base).name();
    if (!grouped) {
        const QString name = entry.own ? tr("%1 (you)").arg(entry.from) : entry.from;
        const QString color = entry.own ? nameColor(QString()) : nameColor(entry.from);
        html += u"<p style=\"margin-top:8px; margin-bottom:0px; background-color:%1;\">"
                "<b style=\"color:%2;\">%3</b>&nbsp;&nbsp;<span style=\"color:%4; "
                "font-size:small;\">"
                "%5</span></p>"_s.arg(background, color, name.toHtmlEscaped(), muted, time);
    }
    QString body = ChatFormat::toHtml(entry.text);
    if (entry.pending) {
        body = u"<span style=\"color:%1;\">%2</span> <span style=\"color:%1; font-size:small;\">"
               "<i>%3</i></span>"_s.arg(muted, body, tr("sending\u2026").toHtmlEscaped());
    } else if (!entry.failure.isEmpty()) {
        const QString red = isDark(pal) ? u"#ff8a80"_s : u"#c62828"_s;
        body += u" <span style=\"color:%1; font-size:small;\"><i>%2</i></span>"_s.arg(
                red, tr("not delivered: %1").arg(entry.failure).toHtmlEscaped());
    }
    html += u"<p style=\"margin-top:1px; margin-bottom:1px; margin-left:12px; "
            "background-color:%1;\">%2</p>"_s.arg(background, body);
    return html;
}

QString ChatView::nameColor(const QString &name) const
{
    const bool dark = isDark(palette());
    if (name.isEmpty()) // our own name: the palette's accent
        return (dark ? palette().color(QPalette::Highlight).lighter(150)
                     : palette().color(QPalette::Highlight).darker(110))
                .name();
    const int hue = int(qHash(name, size_t(0)) % 360);
    return QColor::fromHsl(hue, 150, dark ? 175 : 85).name();
}

ChatView::Entry *ChatView::findById(const QString &id)
{
    if (id.isEmpty())
        return nullptr;
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        if (m_entries[i].id == id)
            return &m_entries[i];
    }
    return nullptr;
}
