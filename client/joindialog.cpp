#include "joindialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "roomurl.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int UrlRole = Qt::UserRole + 1;

// The address without its #fragment, and the fragment's key=value pairs (a room link carries the
// passcode as #code=… and host rights as #host=…, percent-encoded).
QString withoutFragment(const QString &typed)
{
    return typed.left(typed.indexOf(u'#')).trimmed();
}

QString fragmentValue(const QString &typed, QStringView key)
{
    const qsizetype hash = typed.indexOf(u'#');
    if (hash < 0)
        return {};
    const QStringList pairs = typed.mid(hash + 1).trimmed().split(u'&');
    for (const QString &pair : pairs) {
        if (pair.startsWith(key) && pair.mid(key.size()).startsWith(u'='))
            return QUrl::fromPercentEncoding(pair.mid(key.size() + 1).toUtf8());
    }
    return {};
}

QListWidget *makeList(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *list = new QListWidget(parent);
    list->setObjectName(objectName);
    list->setAccessibleName(accessibleName);
    list->setUniformItemSizes(true);
    list->setMinimumHeight(list->fontMetrics().lineSpacing() * 4);
    return list;
}

QLabel *makeEmptyNote(const QString &objectName, const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setEnabled(false); // greyed out in every palette
    return label;
}
} // namespace

JoinDialog::JoinDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"joinDialog"_s);
    setWindowTitle(tr("Join a Room"));

    auto *layout = new QVBoxLayout(this);

    auto *addressLabel = new QLabel(tr("Room &address:"), this);
    m_address = new QLineEdit(this);
    m_address->setObjectName(u"addressEdit"_s);
    m_address->setAccessibleName(tr("Room address"));
    m_address->setPlaceholderText(tr("192.168.1.20, 192.168.1.20:8765 or http://…"));
    m_address->setClearButtonEnabled(true);
    addressLabel->setBuddy(m_address);
    m_addressError = new QLabel(this);
    m_addressError->setObjectName(u"addressError"_s);
    m_addressError->setWordWrap(true);
    m_addressError->setVisible(false);

    auto *passcodeLabel = new QLabel(tr("Pass&code (if the room asks for one):"), this);
    m_passcode = new QLineEdit(this);
    m_passcode->setObjectName(u"passcodeEdit"_s);
    m_passcode->setAccessibleName(tr("Passcode"));
    m_passcode->setEchoMode(QLineEdit::Password);
    passcodeLabel->setBuddy(m_passcode);

    auto *discoveredLabel = new QLabel(tr("Rooms on your &network:"), this);
    m_discovered = makeList(u"discoveredList"_s, tr("Rooms on your network"), this);
    discoveredLabel->setBuddy(m_discovered);
    m_discoveredEmpty = makeEmptyNote(u"discoveredEmpty"_s,
                                      tr("No rooms heard on the network yet. Rooms appear here as "
                                         "their hosts announce them."),
                                      this);

    auto *recentLabel = new QLabel(tr("&Recent rooms:"), this);
    m_recent = makeList(u"recentList"_s, tr("Recent rooms"), this);
    recentLabel->setBuddy(m_recent);
    m_recentEmpty
            = makeEmptyNote(u"recentEmpty"_s, tr("Rooms you join are remembered here."), this);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_joinButton = buttons->addButton(tr("&Join"), QDialogButtonBox::AcceptRole);
    m_joinButton->setObjectName(u"joinButton"_s);
    m_joinButton->setDefault(true);

    layout->addWidget(addressLabel);
    layout->addWidget(m_address);
    layout->addWidget(m_addressError);
    layout->addWidget(passcodeLabel);
    layout->addWidget(m_passcode);
    layout->addSpacing(8);
    layout->addWidget(discoveredLabel);
    layout->addWidget(m_discovered);
    layout->addWidget(m_discoveredEmpty);
    layout->addSpacing(8);
    layout->addWidget(recentLabel);
    layout->addWidget(m_recent);
    layout->addWidget(m_recentEmpty);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &JoinDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &JoinDialog::reject);
    connect(m_address, &QLineEdit::textChanged, this, &JoinDialog::updateJoinButton);
    connect(m_address, &QLineEdit::textChanged, this, &JoinDialog::takeLinkSecrets);
    // A click (or the arrow keys) selects a room and puts its address in the field, so the Join
    // button follows; a double-click joins, and Enter presses Join.
    for (QListWidget *list : {m_discovered, m_recent}) {
        QListWidget *other = list == m_discovered ? m_recent : m_discovered;
        connect(list, &QListWidget::currentItemChanged, this, [this, other](QListWidgetItem *item) {
            if (!item)
                return;
            other->setCurrentItem(nullptr);
            m_address->setText(item->data(UrlRole).toUrl().toString());
        });
        connect(list, &QListWidget::itemDoubleClicked, this, &JoinDialog::chooseItem);
    }

    setRecentRooms({});
    setDiscoveredRooms({});
    updateJoinButton();
    resize(480, sizeHint().height());
}

void JoinDialog::setRecentRooms(const QList<RecentRoom> &rooms)
{
    m_recent->clear();
    for (const RecentRoom &room : rooms) {
        const QString address = room.url.host() + u':' + QString::number(room.url.port());
        const QString text = room.room.isEmpty() ? address : tr("%1 — %2").arg(room.room, address);
        auto *item = new QListWidgetItem(text, m_recent);
        item->setData(UrlRole, room.url);
        item->setToolTip(room.url.toDisplayString());
    }
    m_recent->setVisible(!rooms.isEmpty());
    m_recentEmpty->setVisible(rooms.isEmpty());
}

void JoinDialog::setDiscoveredRooms(const QList<DiscoveredRoom> &rooms)
{
    const QString current = m_discovered->currentItem()
            ? m_discovered->currentItem()->data(UrlRole).toUrl().toString()
            : QString();
    m_discovered->clear();
    for (const DiscoveredRoom &room : rooms) {
        const QString host = room.host.isEmpty() ? room.url.host() : room.host;
        QString text = tr("%1 — %2 (people: %n)", nullptr, room.people).arg(room.room, host);
        if (room.passcode)
            text.prepend(u"\U0001F512 "_s); // a lock
        auto *item = new QListWidgetItem(text, m_discovered);
        item->setData(UrlRole, room.url);
        item->setToolTip(room.passcode
                                 ? tr("%1 (asks for a passcode)").arg(room.url.toDisplayString())
                                 : room.url.toDisplayString());
        if (room.url.toString() == current)
            m_discovered->setCurrentItem(item);
    }
    m_discovered->setVisible(!rooms.isEmpty());
    m_discoveredEmpty->setVisible(rooms.isEmpty());
}

void JoinDialog::accept()
{
    const QUrl url = Protocol::roomSocketUrl(withoutFragment(m_address->text()));
    if (!url.isValid()) {
        m_addressError->setText(
                tr("“%1” is not a room address. Type a computer name or IP address, optionally "
                   "with :port, or paste the http:// address the host shows.")
                        .arg(m_address->text().trimmed()));
        m_addressError->setVisible(true);
        m_address->setFocus();
        return;
    }
    m_selected = url;
    QDialog::accept();
}

void JoinDialog::updateJoinButton()
{
    m_joinButton->setEnabled(!m_address->text().trimmed().isEmpty());
    m_addressError->setVisible(false);
}

void JoinDialog::chooseItem(QListWidgetItem *item)
{
    if (!item)
        return;
    const QUrl url = item->data(UrlRole).toUrl();
    if (!url.isValid())
        return;
    m_address->setText(url.toString());
    m_selected = url;
    QDialog::accept();
}

QString JoinDialog::selectedPasscode() const
{
    return m_passcode->text();
}

void JoinDialog::takeLinkSecrets()
{
    const QString typed = m_address->text();
    const QString code = fragmentValue(typed, u"code");
    if (!code.isEmpty())
        m_passcode->setText(code);
    m_hostToken = fragmentValue(typed, u"host");
}
