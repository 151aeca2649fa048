#pragma once

#include <QWidget>

#include "protocol.h"

class ChatClient;
class QLabel;
class QLineEdit;
class QListWidget;

// Ctrl+F: searches the room's whole history on the hub and lists the hits, newest first;
// activating one asks to show it with the messages around it (hitActivated).
class SearchBar final : public QWidget
{
    Q_OBJECT
public:
    explicit SearchBar(ChatClient *client, QWidget *parent = nullptr);

    void open(); // shows the bar and puts the focus in its field
    void close();

Q_SIGNALS:
    void hitActivated(qint64 seq);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void search();
    void onResults(const Protocol::Message &answer);
    void setUnsupported();

    ChatClient *m_client = nullptr; // not owned
    QLineEdit *m_edit = nullptr;
    QLabel *m_status = nullptr;
    QListWidget *m_results = nullptr;
    QString m_query; // the search on its way, or shown
};
