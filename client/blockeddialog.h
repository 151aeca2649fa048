#pragma once

#include <QDialog>
#include <QList>

#include "protocol.h"

class QLabel;
class QListWidget;
class QPushButton;

// Room > Blocked Addresses…: the addresses the host kicked (until when) or banned, with the name
// each had, live from the room's `access` messages; Unban lets the selected one back in.
class BlockedDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit BlockedDialog(QWidget *parent = nullptr);

    void setBlocked(const QList<Protocol::BlockedAddress> &blocked);

Q_SIGNALS:
    void unbanRequested(const QString &address);

private:
    QListWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_unban = nullptr;
};
