#include "hostpanel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}
} // namespace

HostPanel::HostPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"hostPanel"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    layout->addWidget(heading(tr("Others can join at"), this));
    m_addressRows = new QVBoxLayout;
    m_addressRows->setSpacing(2);
    layout->addLayout(m_addressRows);
    m_noAddresses = new QLabel(tr("No network connection: only this computer can join."), this);
    m_noAddresses->setObjectName(u"noAddresses"_s);
    m_noAddresses->setWordWrap(true);
    layout->addWidget(m_noAddresses);

    m_cardImage = new QLabel(this);
    m_cardImage->setObjectName(u"joinCardImage"_s);
    m_cardImage->setAlignment(Qt::AlignCenter);
    m_cardImage->setAccessibleName(tr("Join card: scan this code with a phone to join"));
    m_cardUrl = new QLabel(this);
    m_cardUrl->setObjectName(u"joinCardUrl"_s);
    m_cardUrl->setAlignment(Qt::AlignCenter);
    m_cardUrl->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_cardEmpty = new QLabel(this);
    m_cardEmpty->setObjectName(u"joinCardEmpty"_s);
    m_cardEmpty->setWordWrap(true);
    m_cardEmpty->setEnabled(false);
    m_cardEmpty->setText(tr("No join card yet."));
    layout->addWidget(m_cardImage);
    layout->addWidget(m_cardUrl);
    layout->addWidget(m_cardEmpty);

    m_notesTitle = heading(tr("Reachability"), this);
    m_notes = new QLabel(this);
    m_notes->setObjectName(u"reachabilityNotes"_s);
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::PlainText);
    m_notes->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    layout->addWidget(m_notesTitle);
    layout->addWidget(m_notes);

    m_historyNote = new QLabel(this);
    m_historyNote->setObjectName(u"historyNote"_s);
    m_historyNote->setWordWrap(true);
    m_historyNote->setTextFormat(Qt::PlainText);
    m_historyNote->hide();
    layout->addWidget(m_historyNote);

    setAddresses({});
    setJoinCard({}, {});
    setReachabilityNotes({});
}

void HostPanel::setHistoryNote(const QString &text, bool problem)
{
    m_historyNote->setText(problem ? u"\u26a0 "_s + text : text);
    m_historyNote->setVisible(!text.isEmpty());
}

void HostPanel::setAddresses(const QList<HostedAddress> &addresses)
{
    while (QLayoutItem *item = m_addressRows->takeAt(0)) {
        if (QWidget *row = item->widget())
            row->deleteLater();
        delete item;
    }
    int index = 0;
    bool onlyLoopback = true;
    for (const HostedAddress &address : addresses) {
        onlyLoopback = onlyLoopback && address.loopback;
        auto *row = new QWidget(this);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        const QString text = address.url.toString();
        auto *field = new QLineEdit(text, row);
        field->setObjectName(u"address%1"_s.arg(index));
        field->setReadOnly(true);
        field->setCursorPosition(0);
        const QString where = address.loopback ? tr("this computer only") : address.label;
        field->setToolTip(where);
        field->setAccessibleName(tr("Room address %1 (%2)").arg(text, where));
        auto *copy = new QToolButton(row);
        copy->setObjectName(u"copyAddress%1"_s.arg(index));
        copy->setText(tr("Copy"));
        copy->setAccessibleName(tr("Copy address %1").arg(text));
        copy->setToolTip(tr("Copy %1 to the clipboard").arg(text));
        copy->setFocusPolicy(Qt::StrongFocus);
        rowLayout->addWidget(field, 1);
        rowLayout->addWidget(copy);
        m_addressRows->addWidget(row);
        const QUrl url = address.url;
        connect(copy, &QToolButton::clicked, this, [this, url, copy] {
            QGuiApplication::clipboard()->setText(url.toString());
            copy->setText(tr("Copied"));
            Q_EMIT addressCopied(url);
        });
        ++index;
    }
    m_noAddresses->setVisible(onlyLoopback);
}

void HostPanel::setJoinCard(const QImage &qr, const QUrl &url)
{
    const bool set = !qr.isNull();
    // Shown at its own size: the QR code's modules are whole pixels only then.
    m_cardImage->setPixmap(set ? QPixmap::fromImage(qr) : QPixmap());
    m_cardUrl->setText(url.toString());
    m_cardImage->setVisible(set);
    m_cardUrl->setVisible(set && !url.isEmpty());
    m_cardEmpty->setVisible(!set);
}

void HostPanel::setReachabilityNotes(const QStringList &notes)
{
    QStringList lines;
    for (const QString &note : notes)
        lines.append(u"\u2022 "_s + note);
    m_notes->setText(lines.join(u'\n'));
    m_notesTitle->setVisible(!notes.isEmpty());
    m_notes->setVisible(!notes.isEmpty());
}
