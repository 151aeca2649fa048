#include "hostpanel.h"

#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QStandardPaths>
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
    m_saveCard = new QToolButton(this);
    m_saveCard->setObjectName(u"saveQrButton"_s);
    m_saveCard->setText(tr("Save QR as PNG…"));
    m_saveCard->setAccessibleName(tr("Save the join card's QR code as a PNG file"));
    m_saveCard->setFocusPolicy(Qt::StrongFocus);
    connect(m_saveCard, &QToolButton::clicked, this, &HostPanel::chooseWhereToSaveJoinCard);
    m_saveResult = new QLabel(this);
    m_saveResult->setObjectName(u"saveQrResult"_s);
    m_saveResult->setWordWrap(true);
    m_saveResult->setTextFormat(Qt::PlainText);
    m_saveResult->setVisible(false);
    layout->addWidget(m_cardImage);
    layout->addWidget(m_cardUrl);
    layout->addWidget(m_saveCard, 0, Qt::AlignHCenter);
    layout->addWidget(m_saveResult);
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
    m_addressChain.clear();
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
        m_addressChain << field << copy;
        const QUrl url = address.url;
        connect(copy, &QToolButton::clicked, this, [this, url, copy] {
            QGuiApplication::clipboard()->setText(url.toString());
            copy->setText(tr("Copied"));
            Q_EMIT addressCopied(url);
        });
        ++index;
    }
    m_noAddresses->setVisible(onlyLoopback);
    Q_EMIT focusChainChanged();
}

void HostPanel::setJoinCard(const QImage &qr, const QUrl &url)
{
    const bool set = !qr.isNull();
    // Shown at its own size: the QR code's modules are whole pixels only then.
    m_cardImage->setPixmap(set ? QPixmap::fromImage(qr) : QPixmap());
    m_cardUrl->setText(url.toString());
    m_card = qr;
    m_cardLink = url;
    m_saveResult->setVisible(false);
    updateCardVisibility();
}

void HostPanel::setCompact(bool compact)
{
    if (compact == m_compact)
        return;
    m_compact = compact;
    updateCardVisibility();
}

QList<QWidget *> HostPanel::focusChain() const
{
    return m_addressChain + QList<QWidget *>{m_saveCard};
}

void HostPanel::updateCardVisibility()
{
    const bool set = !m_card.isNull();
    m_cardImage->setVisible(set && !m_compact);
    m_cardUrl->setVisible(set && !m_compact && !m_cardLink.isEmpty());
    m_saveCard->setVisible(set && !m_compact);
    m_cardEmpty->setVisible(!set && !m_compact);
    if (m_compact)
        m_saveResult->setVisible(false);
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

bool HostPanel::saveJoinCard(const QString &path) const
{
    if (m_card.isNull())
        return false;
    constexpr int Scale = 4; // whole pixels per module, no smoothing
    const QImage big
            = m_card.scaled(m_card.size() * Scale, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    return big.save(path, "PNG");
}

void HostPanel::chooseWhereToSaveJoinCard()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (folder.isEmpty() || !QDir(folder).exists())
        folder = QDir::homePath();
    auto *dialog = new QFileDialog(this, tr("Save QR as PNG"), folder, tr("PNG images (*.png)"));
    dialog->setObjectName(u"saveQrDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(u"png"_s);
    dialog->selectFile(tr("lanchat-room.png"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        const bool saved = saveJoinCard(path);
        m_saveResult->setText(saved ? tr("Saved to %1").arg(QDir::toNativeSeparators(path))
                                    : tr("Could not save %1").arg(QDir::toNativeSeparators(path)));
        m_saveResult->setVisible(true);
    });
    dialog->open();
}
