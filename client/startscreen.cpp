#include "startscreen.h"

#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "clientlog.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr int MaxOffered = 6;

bool sameAddress(const QUrl &a, const QUrl &b)
{
    return a.isValid() && a.host() == b.host() && a.port(80) == b.port(80);
}
} // namespace

StartScreen::StartScreen(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"startScreen"_s);
    m_patience.setSingleShot(true);
    connect(&m_patience, &QTimer::timeout, this, [this] {
        rebuild();
        if (m_rooms.isEmpty()) {
            qCInfo(lcClientUi) << "no rooms heard on the LAN; hosting";
            Q_EMIT hostRequested();
        }
    });

    auto *outer = new QVBoxLayout(this);
    auto *columnWidget = new QWidget(this);
    columnWidget->setMaximumWidth(520); // buttons a person reads as a list, not as a stripe
    auto *column = new QVBoxLayout(columnWidget);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(10);
    m_title = new QLabel(columnWidget);
    m_title->setObjectName(u"startTitle"_s);
    m_title->setWordWrap(true);
    m_title->setAlignment(Qt::AlignCenter);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_hint = new QLabel(this);
    m_hint->setObjectName(u"startHint"_s);
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    m_busy->setAccessibleName(tr("Looking for rooms"));
    m_roomRows = new QVBoxLayout;
    m_roomRows->setSpacing(6);
    m_hostButton = new QPushButton(tr("&Host my own room"), this);
    m_hostButton->setObjectName(u"hostOwnRoomButton"_s);
    m_hostButton->setAutoDefault(true);
    connect(m_hostButton, &QPushButton::clicked, this, [this] {
        m_patience.stop();
        Q_EMIT hostRequested();
    });

    column->addWidget(m_title);
    column->addWidget(m_hint);
    column->addWidget(m_busy);
    column->addLayout(m_roomRows);
    column->addWidget(m_hostButton);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(columnWidget, 10);
    row->addStretch(1);
    outer->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
    rebuild();
}

void StartScreen::start(std::chrono::milliseconds patience, const QUrl &lastRoom)
{
    m_lastRoom = lastRoom;
    m_patience.start(patience);
    offer();
}

void StartScreen::stop()
{
    m_patience.stop();
}

void StartScreen::setRooms(const QList<DiscoveredRoom> &rooms)
{
    if (rooms == m_heard)
        return;
    m_heard = rooms;
    offer();
}

void StartScreen::offer()
{
    m_rooms = m_heard;
    // The room you were in last time comes first; the rest keep the listener's order.
    std::stable_partition(m_rooms.begin(), m_rooms.end(), [this](const DiscoveredRoom &room) {
        return sameAddress(m_lastRoom, room.url);
    });
    if (m_rooms.size() > MaxOffered)
        m_rooms.resize(MaxOffered);
    if (!m_rooms.isEmpty())
        m_patience.stop(); // someone is here: let the person choose
    rebuild();
}

QList<QUrl> StartScreen::offeredRooms() const
{
    QList<QUrl> urls;
    for (const DiscoveredRoom &room : m_rooms)
        urls.append(room.url);
    return urls;
}

QString StartScreen::joinText(const DiscoveredRoom &room)
{
    //: %1 is the room's name; hosted rooms are named after the person who hosts them
    return room.people == 1 ? tr("Join %1’s room (1 person)").arg(room.room)
                            : tr("Join %1’s room (%2 people)").arg(room.room).arg(room.people);
}

void StartScreen::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && !m_roomButtons.isEmpty()) {
        m_roomButtons.constFirst()->click();
        return;
    }
    QWidget::keyPressEvent(event);
}

void StartScreen::rebuild()
{
    const bool hadFocus = isAncestorOf(focusWidget());
    for (QPushButton *button : std::as_const(m_roomButtons))
        button->deleteLater();
    m_roomButtons.clear();
    for (const DiscoveredRoom &room : std::as_const(m_rooms)) {
        auto *button = new QPushButton(joinText(room), this);
        button->setObjectName(u"joinRoom%1"_s.arg(m_roomButtons.size()));
        button->setAutoDefault(true);
        button->setDefault(m_roomButtons.isEmpty()); // drawn as the one Enter presses
        const QString host = room.host.isEmpty() ? room.url.host() : room.host;
        button->setToolTip(tr("%1 on %2 (%3)").arg(room.room, host, room.url.host()));
        const QUrl url = room.url;
        connect(button, &QPushButton::clicked, this, [this, url] {
            m_patience.stop();
            Q_EMIT joinRequested(url);
        });
        m_roomRows->addWidget(button);
        button->setVisible(true); // now, so that it can take the focus below
        m_roomButtons.append(button);
    }
    // Tab goes through the rooms in the order offered, then to "Host my own room".
    QWidget *previous = nullptr;
    for (QPushButton *button : std::as_const(m_roomButtons)) {
        if (previous)
            setTabOrder(previous, button);
        previous = button;
    }
    if (previous)
        setTabOrder(previous, m_hostButton);

    const bool looking = m_patience.isActive();
    m_busy->setVisible(looking);
    if (!m_rooms.isEmpty()) {
        m_title->setText(tr("Rooms on your network"));
        m_hint->setText(tr("Press Enter to join the first one."));
    } else if (looking) {
        m_title->setText(tr("Looking for rooms on your network…"));
        m_hint->setText(tr("If there is none, LAN Chat hosts a room for you."));
    } else {
        m_title->setText(tr("No rooms heard on your network"));
        m_hint->clear();
    }
    m_hint->setVisible(!m_hint->text().isEmpty());
    QWidget *first = m_roomButtons.isEmpty() ? m_hostButton : m_roomButtons.constFirst();
    if (hadFocus || isVisible())
        first->setFocus(Qt::OtherFocusReason);
}
